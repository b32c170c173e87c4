import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueryClause } from '../../../src/model/search-query.js';
import { createRecordStore } from '../../../src/storage/mongo/record-store.js';
import { clause, query } from '../contract/helpers.js';
import { catalogue, emma, emmaAudio, janeEyre, makeRecord, prideDvd } from '../fixtures.js';
import { catalogueDb, searchInMemory } from './evaluate.js';

const sorted = (...records: Array<{ id: string }>) => records.map((r) => r.id).sort();
const found = async (...clauses: QueryClause[]) => (await searchInMemory(catalogue, query({ clauses }))).records.map((r) => r.id).sort();

// The contract's operator expectations (contract/search-operators.ts), checked against the MongoDB filters through mingo.
describe('MongoDB operators and vocabulary, evaluated in memory', () => {
  it('leaves out records that match an excluded clause, and finds nothing from exclusions alone', async () => {
    assert.deepEqual(await found(clause('austen'), { ...clause('emma'), exclude: true }), sorted(prideDvd));
    assert.deepEqual(await found(clause('austen'), { ...clause('stevenson'), exclude: true }, { ...clause('film'), exclude: true }), sorted(emma));
    assert.deepEqual(await found({ ...clause('emma'), exclude: true }), []);
  });

  it('widens a clause with OR', async () => {
    assert.deepEqual(await found({ ...clause('emma'), or: [clause('eyre')] }), sorted(emma, emmaAudio, janeEyre));
    assert.deepEqual(await found({ ...clause('emma'), or: [clause('eyre', 'author')] }), sorted(emma, emmaAudio));
    assert.deepEqual(await found(clause('austen'), { ...clause('emma'), or: [clause('courtship')] }), sorted(emma, emmaAudio, prideDvd));
  });

  it("matches any of a word's other forms, but never inside a phrase", async () => {
    assert.deepEqual(await found(clause('governess')), []);
    assert.deepEqual(await found({ ...clause('governess'), forms: ['governesses'] }), sorted(janeEyre));
    assert.deepEqual(await found({ ...clause('governess', 'title'), forms: ['governesses'] }), []);
    assert.deepEqual(await found({ ...clause('jane governess', 'any', true), forms: ['governesses'] }), []);
  });

  it('reads the vocabulary by prefix with record counts, prefix metacharacters escaped', async () => {
    const records = createRecordStore(catalogueDb([...catalogue, makeRecord({ id: 'x', title: 'a.b austenite' })]).db);
    assert.deepEqual(await records.vocabulary('auste', 10), [{ term: 'austen', docs: 3 }, { term: 'austenite', docs: 1 }]);
    assert.deepEqual(await records.vocabulary('.', 10), []);
    assert.equal((await records.vocabulary('e', 2)).length, 2);
  });
});
