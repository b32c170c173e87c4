import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { SortOrder } from '../../../src/model/search-query.js';
import { catalogue, emma, emmaAudio, janeEyre, makeRecord, miserables, parishMap, prideDvd, verwandlung, warAndPeace } from '../fixtures.js';
import { clause, ids, query, type StoreRef } from './helpers.js';

const idsOf = (...records: Array<{ id: string }>) => records.map((r) => r.id);

/** Every sort order, ties broken by id, and pages that add up to the whole result. */
export function searchOrderContract(store: StoreRef): void {
  describe('sorting and paging', () => {
    beforeEach(async () => {
      await store().records.upsertMany(catalogue);
    });
    const browse = async (sort: SortOrder) => ids(await store().records.search(query({ sort })));

    it('sorts newest first, records without a year last, ties by id', async () => {
      assert.deepEqual(await browse('newest'), idsOf(emmaAudio, prideDvd, warAndPeace, verwandlung, miserables, janeEyre, emma, parishMap));
    });

    it('sorts oldest first, records without a year still last', async () => {
      assert.deepEqual(await browse('oldest'), idsOf(emma, janeEyre, miserables, verwandlung, prideDvd, warAndPeace, emmaAudio, parishMap));
    });

    it('shows the newest first when browsing by relevance without words', async () => {
      assert.deepEqual(await browse('relevance'), await browse('newest'));
    });

    it('sorts by title, filing "The" and "A" titles under the next word', async () => {
      assert.deepEqual(await browse('title'), idsOf(verwandlung, emma, emmaAudio, janeEyre, miserables, parishMap, prideDvd, warAndPeace));
    });

    it('sorts by main author, ignoring accents', async () => {
      const books = await store().records.search(query({ sort: 'author', filters: [{ field: 'mediaType', value: 'book' }] }));
      assert.deepEqual(ids(books), idsOf(emma, janeEyre, miserables, verwandlung, warAndPeace));
      await store().records.upsertMany([makeRecord({ id: 'rec-wuthering', title: 'Wuthering Heights', authors: ['Bronte, Emily'] })]);
      const all = ids(await store().records.search(query({ sort: 'author', limit: 100 })));
      assert.deepEqual(all.filter((id) => id === janeEyre.id || id === 'rec-wuthering'), [janeEyre.id, 'rec-wuthering']);
    });

    it('ranks a match in the author above a match in the notes', async () => {
      const result = ids(await store().records.search(query({ clauses: [clause('austen')] })));
      assert.equal(result.length, 3);
      assert.equal(result[2], prideDvd.id);
    });

    it('ranks a title match above a notes match for the same word', async () => {
      await store().records.upsertMany([makeRecord({ id: 'rec-a-notes', title: 'Letters', notes: ['Mentions Persuasion once.'] }),
        makeRecord({ id: 'rec-z-title', title: 'Persuasion', authors: ['Austen, Jane'] })]);
      assert.deepEqual(ids(await store().records.search(query({ clauses: [clause('persuasion')] }))), ['rec-z-title', 'rec-a-notes']);
    });

    for (const sort of ['relevance', 'newest', 'oldest', 'title', 'author'] as const) {
      it(`pages through a ${sort} sort without gaps or repeats`, async () => {
        const clauses = sort === 'relevance' ? [clause('jane')] : [];
        const whole = await store().records.search(query({ sort, clauses, limit: 100 }));
        const pages: string[] = [];
        for (let offset = 0; offset < whole.total + 3; offset += 3) {
          const page = await store().records.search(query({ sort, clauses, offset, limit: 3 }));
          assert.equal(page.total, whole.total);
          assert.ok(page.records.length <= 3);
          pages.push(...ids(page));
        }
        assert.deepEqual(pages, ids(whole));
      });
    }

    it('pages through equally ranked matches by id, with ties across every page boundary', async () => {
      // Same text, so the same score: only the id can order them.
      const twins = ['t-07', 't-03', 't-10', 't-01', 't-05', 't-09', 't-02', 't-08', 't-04', 't-06']
        .map((id) => makeRecord({ id, title: 'Twin volume', subjects: ['Twins'] }));
      await store().records.upsertMany(twins);
      const pages: string[] = [];
      for (let offset = 0; offset < 12; offset += 3) {
        pages.push(...ids(await store().records.search(query({ clauses: [clause('twin')], offset, limit: 3 }))));
      }
      assert.deepEqual(pages, twins.map((r) => r.id).sort());
    });

    it('gives an empty page past the end but still the total', async () => {
      const result = await store().records.search(query({ offset: 100, limit: 10 }));
      assert.equal(result.total, catalogue.length);
      assert.deepEqual(result.records, []);
    });
  });
}
