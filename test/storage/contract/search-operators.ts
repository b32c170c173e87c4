import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { QueryClause } from '../../../src/model/search-query.js';
import { catalogue, emma, emmaAudio, janeEyre, makeRecord, prideDvd } from '../fixtures.js';
import { clause, ids, query, type StoreRef } from './helpers.js';

const sorted = (...records: Array<{ id: string }>) => records.map((r) => r.id).sort();

/** Excluded words, OR, other word forms and the vocabulary they are read from (issue 17). */
export function searchOperatorsContract(store: StoreRef): void {
  const found = async (...clauses: QueryClause[]) => ids(await store().records.search(query({ clauses }))).sort();

  describe('search operators and vocabulary', () => {
    beforeEach(async () => {
      await store().records.upsertMany(catalogue);
    });

    it('leaves out records that match an excluded clause', async () => {
      assert.deepEqual(await found(clause('austen')), sorted(emma, emmaAudio, prideDvd));
      assert.deepEqual(await found(clause('austen'), { ...clause('emma'), exclude: true }), sorted(prideDvd));
      assert.deepEqual(await found(clause('austen'), { ...clause('stevenson'), exclude: true }, { ...clause('film'), exclude: true }), sorted(emma));
    });

    it('finds nothing for a query of excluded clauses alone', async () => {
      assert.deepEqual(await found({ ...clause('emma'), exclude: true }), []);
    });

    it('widens a clause with OR: any of its terms may match', async () => {
      assert.deepEqual(await found({ ...clause('emma'), or: [clause('eyre')] }), sorted(emma, emmaAudio, janeEyre));
      assert.deepEqual(await found({ ...clause('emma'), or: [clause('eyre', 'author')] }), sorted(emma, emmaAudio));
      assert.deepEqual(await found(clause('austen'), { ...clause('emma'), or: [clause('courtship')] }), sorted(emma, emmaAudio, prideDvd));
    });

    it('matches any of a word\'s other forms, but never inside a phrase', async () => {
      assert.deepEqual(await found(clause('governess')), []);
      assert.deepEqual(await found({ ...clause('governess'), forms: ['governesses'] }), sorted(janeEyre));
      assert.deepEqual(await found({ ...clause('governess', 'subject'), forms: ['governesses'] }), sorted(janeEyre));
      assert.deepEqual(await found({ ...clause('governess', 'title'), forms: ['governesses'] }), []);
      assert.deepEqual(await found({ ...clause('jane governess', 'any', true), forms: ['governesses'] }), []);
    });

    it('ranks a record holding the typed form above one holding only another form', async () => {
      await store().records.upsertMany([
        makeRecord({ id: 'z-hobbit', title: 'The hobbit' }),
        makeRecord({ id: 'a-hobbits', title: 'Hobbits' }),
      ]);
      const result = await store().records.search(query({ clauses: [{ ...clause('hobbits'), forms: ['hobbit'] }] }));
      assert.deepEqual(ids(result), ['a-hobbits', 'z-hobbit']);
      const other = await store().records.search(query({ clauses: [{ ...clause('hobbit'), forms: ['hobbits'] }] }));
      assert.deepEqual(ids(other), ['z-hobbit', 'a-hobbits']);
    });

    it('reads its vocabulary by prefix, with how many records hold each word', async () => {
      assert.deepEqual(await store().records.vocabulary('auste', 10), [{ term: 'austen', docs: 3 }]);
      assert.deepEqual((await store().records.vocabulary('gov', 10)).map((t) => t.term), ['governesses']);
      assert.deepEqual(await store().records.vocabulary('zzz', 10), []);
      assert.equal((await store().records.vocabulary('e', 2)).length, 2);
    });

    it('keeps its vocabulary current after an import and after the catalogue is emptied', async () => {
      assert.deepEqual(await store().records.vocabulary('tolk', 10), []);
      await store().records.upsertMany([makeRecord({ id: 'rec-hobbit', title: 'The Hobbit', authors: ['Tolkien, J. R. R.'] })]);
      assert.deepEqual(await store().records.vocabulary('tolk', 10), [{ term: 'tolkien', docs: 1 }]);
      await store().records.clear();
      assert.deepEqual(await store().records.vocabulary('tolk', 10), []);
    });
  });
}
