import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FacetFilter, SearchField, SortOrder } from '../../../src/model/search-query.js';
import { clause, query } from '../contract/helpers.js';
import { catalogue, emma, emmaAudio, janeEyre, miserables, parishMap, prideDvd, verwandlung, warAndPeace } from '../fixtures.js';
import { searchInMemory } from './evaluate.js';

const sorted = (...records: Array<{ id: string }>) => records.map((r) => r.id).sort();
const idsOf = (...records: Array<{ id: string }>) => records.map((r) => r.id);
const matching = async (text: string, field: SearchField = 'any', phrase = false) =>
  (await searchInMemory(catalogue, query({ clauses: [clause(text, field, phrase)] }))).records.map((r) => r.id).sort();
const filtered = async (filters: FacetFilter[]) => (await searchInMemory(catalogue, query({ filters }))).records.map((r) => r.id).sort();
const browse = async (sort: SortOrder) => (await searchInMemory(catalogue, query({ sort }))).records.map((r) => r.id);

// The contract suite's expectations, checked against the MongoDB pipeline itself (see evaluate.ts).
describe('MongoDB search pipeline, evaluated in memory', () => {
  it('needs every word, in any searchable field', async () => {
    assert.deepEqual(await matching('jane eyre'), sorted(janeEyre));
    assert.deepEqual(await matching('russian library'), sorted(warAndPeace));
    assert.deepEqual(await matching('matchmaking'), sorted(emma));
    assert.deepEqual(await matching('emma OR eyre'), []);
  });

  it('folds case and Latin accents but keeps Cyrillic letters whole', async () => {
    assert.deepEqual(await matching('BRONTE'), sorted(janeEyre));
    assert.deepEqual(await matching('brontë', 'author'), sorted(janeEyre));
    assert.deepEqual(await matching('MISÉRABLES', 'title'), sorted(miserables));
    assert.deepEqual(await matching('intégral'), sorted(miserables));
    assert.deepEqual(await matching('война'), sorted(warAndPeace));
  });

  it('limits a field search to that field', async () => {
    assert.deepEqual(await matching('jane', 'title'), sorted(janeEyre));
    assert.deepEqual(await matching('jane', 'author'), sorted(emma, emmaAudio));
    assert.deepEqual(await matching('penguin classics', 'series'), sorted(emma, janeEyre));
    assert.deepEqual(await matching('emma', 'author'), []);
  });

  it('finds a record by its uniform title in a title search', async () => {
    const translation = { ...emma, id: 'uniform-1', title: 'Bilbo le hobbit', uniformTitle: 'Hobbit', isbns: [], series: [], subjects: [], notes: [] };
    const found = await searchInMemory([...catalogue, translation], query({ clauses: [clause('hobbit', 'title')] }));
    assert.deepEqual(found.records.map((r) => [r.id, r.uniformTitle]), [['uniform-1', 'Hobbit']]);
  });

  it('matches a phrase only with its words together, in order, in one field', async () => {
    assert.deepEqual(await matching('jane austen', 'any', true), sorted(emma, prideDvd));
    assert.deepEqual(await matching('eyre jane', 'any', true), []);
    assert.deepEqual(await matching('jane eyre', 'title', true), sorted(janeEyre));
  });

  it('finds ISBN-13s and ISBN-10s, with a lower or upper case X', async () => {
    assert.deepEqual(await matching('978-0-14-143958-7'), sorted(emma));
    assert.deepEqual(await matching('0141439580', 'isbn'), sorted(emma));
    assert.deepEqual(await matching('186190004X'), sorted(verwandlung));
    assert.deepEqual(await matching('186190004x', 'isbn'), sorted(verwandlung));
  });

  it('combines filters: OR within a field, AND across fields', async () => {
    assert.deepEqual(await filtered([{ field: 'language', value: 'fre' }, { field: 'language', value: 'ger' }]), sorted(miserables, prideDvd, verwandlung));
    assert.deepEqual(await filtered([{ field: 'decade', value: '2000' }, { field: 'available', value: 'yes' }]), sorted(emmaAudio, prideDvd));
  });

  it('leaves out records holding an excluded value, OR within a field as filters do', async () => {
    const excluded = async (exclude: FacetFilter[], filters: FacetFilter[] = []) =>
      (await searchInMemory(catalogue, query({ filters, exclude }))).records.map((r) => r.id).sort();
    assert.deepEqual(await excluded([{ field: 'language', value: 'eng' }]), sorted(miserables, parishMap, verwandlung));
    assert.deepEqual(await excluded([{ field: 'language', value: 'eng' }, { field: 'language', value: 'ger' }]), sorted(miserables, parishMap));
    // One field both filtered and excluded: $in and $nin together on one path.
    assert.deepEqual(await excluded([{ field: 'language', value: 'eng' }], [{ field: 'language', value: 'fre' }]), sorted(miserables));
    const austen = await searchInMemory(catalogue, query({ clauses: [clause('austen')], exclude: [{ field: 'mediaType', value: 'book' }] }));
    assert.equal(austen.total, 2);
    assert.deepEqual(austen.facets.mediaType, [{ value: 'audiobook', count: 1 }, { value: 'dvd', count: 1 }]);
  });

  it('counts facets over the match set only', async () => {
    const { total, facets } = await searchInMemory(catalogue, query({ clauses: [clause('austen')] }));
    assert.equal(total, 3);
    assert.deepEqual(facets.language, [{ value: 'eng', count: 3 }, { value: 'fre', count: 1 }]);
    assert.deepEqual(facets.branch, [{ value: 'Central', count: 2 }, { value: 'Northside', count: 2 }, { value: 'Eastgate', count: 1 }]);
  });

  it('sorts with records without a year last and ties by id', async () => {
    assert.deepEqual(await browse('newest'), idsOf(emmaAudio, prideDvd, warAndPeace, verwandlung, miserables, janeEyre, emma, parishMap));
    assert.deepEqual(await browse('oldest'), idsOf(emma, janeEyre, miserables, verwandlung, prideDvd, warAndPeace, emmaAudio, parishMap));
    assert.deepEqual(await browse('title'), idsOf(verwandlung, emma, emmaAudio, janeEyre, miserables, parishMap, prideDvd, warAndPeace));
  });

  it('pages without gaps or repeats and keeps the total', async () => {
    const pages = [];
    for (const offset of [0, 3, 6]) pages.push(...(await searchInMemory(catalogue, query({ sort: 'title', offset, limit: 3 }))).records.map((r) => r.id));
    assert.deepEqual(pages, await browse('title'));
    const past = await searchInMemory(catalogue, query({ offset: 100, limit: 10 }));
    assert.equal(past.total, catalogue.length);
    assert.deepEqual(past.records, []);
  });
});
