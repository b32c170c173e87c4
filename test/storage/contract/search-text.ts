import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { catalogue, emma, emmaAudio, janeEyre, miserables, prideDvd, verwandlung, warAndPeace } from '../fixtures.js';
import { clause, idsMatching, query, type StoreRef } from './helpers.js';

const sorted = (...records: Array<{ id: string }>) => records.map((r) => r.id).sort();

/** What words, fields, phrases and ISBNs find, and that no input is ever syntax. */
export function searchTextContract(store: StoreRef): void {
  describe('search by text', () => {
    beforeEach(async () => {
      await store().records.upsertMany(catalogue);
    });

    it('finds a word in the title of every record that has it', async () => {
      assert.deepEqual(await idsMatching(store(), 'emma'), sorted(emma, emmaAudio));
    });

    it('needs every word of a query to match', async () => {
      assert.deepEqual(await idsMatching(store(), 'jane eyre'), sorted(janeEyre));
      const both = await store().records.search(query({ clauses: [clause('emma'), clause('stevenson')] }));
      assert.deepEqual(both.records.map((r) => r.id), [emmaAudio.id]);
    });

    it('finds words in subjects, series, notes, summaries and alternate script', async () => {
      assert.deepEqual(await idsMatching(store(), 'governesses'), sorted(janeEyre));
      assert.deepEqual(await idsMatching(store(), 'russian library'), sorted(warAndPeace));
      assert.deepEqual(await idsMatching(store(), 'matchmaking'), sorted(emma));
      assert.deepEqual(await idsMatching(store(), 'intégral'), sorted(miserables));
      assert.deepEqual(await idsMatching(store(), 'война'), sorted(warAndPeace));
    });

    it('limits a field search to that field', async () => {
      assert.deepEqual(await idsMatching(store(), 'jane', 'title'), sorted(janeEyre));
      assert.deepEqual(await idsMatching(store(), 'jane', 'author'), sorted(emma, emmaAudio));
      assert.deepEqual(await idsMatching(store(), 'courtship', 'subject'), sorted(emma, emmaAudio, prideDvd));
      assert.deepEqual(await idsMatching(store(), 'penguin classics', 'series'), sorted(emma, janeEyre));
      assert.deepEqual(await idsMatching(store(), 'emma', 'author'), []);
    });

    it('matches a phrase only with its words together and in order', async () => {
      assert.deepEqual(await idsMatching(store(), 'jane austen', 'any', true), sorted(emma, prideDvd));
      assert.deepEqual(await idsMatching(store(), 'austen jane', 'any', false).then((r) => r.length), 3);
      assert.deepEqual(await idsMatching(store(), 'eyre jane', 'any', true), []);
      assert.deepEqual(await idsMatching(store(), 'jane eyre', 'title', true), sorted(janeEyre));
    });

    it('finds a record by its uniform title in a title search, and keeps the uniform title', async () => {
      const translation = { ...emma, id: 'uniform-1', title: 'Bilbo le hobbit', uniformTitle: 'Hobbit', isbns: [], series: [], subjects: [], notes: [] };
      await store().records.upsertMany([translation]);
      assert.deepEqual(await idsMatching(store(), 'hobbit', 'title'), ['uniform-1']);
      assert.deepEqual(await idsMatching(store(), 'hobbit'), ['uniform-1']);
      assert.equal((await store().records.get('uniform-1'))?.uniformTitle, 'Hobbit');
    });

    it('ignores case and accents, both ways', async () => {
      assert.deepEqual(await idsMatching(store(), 'BRONTE'), sorted(janeEyre));
      assert.deepEqual(await idsMatching(store(), 'brontë', 'author'), sorted(janeEyre));
      assert.deepEqual(await idsMatching(store(), 'miserables'), sorted(miserables));
      assert.deepEqual(await idsMatching(store(), 'MISÉRABLES', 'title'), sorted(miserables));
    });

    it('finds a book by its ISBN-13 or by the ISBN-10 printed on older copies', async () => {
      assert.deepEqual(await idsMatching(store(), '9780141439587'), sorted(emma));
      assert.deepEqual(await idsMatching(store(), '0141439580', 'isbn'), sorted(emma));
      assert.deepEqual(await idsMatching(store(), '9780141441146', 'isbn'), sorted(janeEyre));
      assert.deepEqual(await idsMatching(store(), '186190004X'), sorted(verwandlung));
      assert.deepEqual(await idsMatching(store(), '186190004x', 'isbn'), sorted(verwandlung));
    });

    it('treats operator words as plain words, not as search syntax', async () => {
      // As syntax, OR would join two result sets; as a word nobody wrote, it matches nothing.
      const result = await store().records.search(query({ clauses: [clause('emma OR eyre')] }));
      assert.equal(result.total, 0);
      assert.equal((await store().records.search(query({ clauses: [clause('emma NOT eyre')] }))).total, 0);
    });

    const hostile = ['"', '""', '*', 'emma*', 'NEAR', 'NEAR(emma eyre)', 'OR', 'AND', 'NOT', 'title:', 'title:emma', '{title}',
      '$where', '{"$where": "sleep(1000)"}', "'; DROP TABLE records; --", '^emma', '(', ')', '-', '\\', '\u0000', 'a'.repeat(300)];
    it('never fails on hostile or odd input, in any field, as words or as a phrase', async () => {
      for (const word of hostile) {
        for (const field of ['any', 'title', 'author', 'subject', 'isbn', 'series'] as const) {
          for (const phrase of [false, true]) {
            const result = await store().records.search(query({ clauses: [{ field, words: [word, 'emma'], phrase }] }));
            assert.ok(Number.isInteger(result.total) && Array.isArray(result.records), `${field} ${word}`);
          }
        }
      }
      assert.equal(await store().records.count(), catalogue.length);
    });

    it('never fails on hostile facet values', async () => {
      for (const value of hostile) {
        const result = await store().records.search(query({ filters: [{ field: 'author', value }] }));
        assert.equal(result.total, 0, value);
      }
    });
  });
}
