import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { FacetFilter } from '../../../src/model/search-query.js';
import { catalogue, emma, emmaAudio, janeEyre, miserables, parishMap, prideDvd, verwandlung, warAndPeace } from '../fixtures.js';
import { clause, query, type StoreRef } from './helpers.js';

const f = (field: FacetFilter['field'], value: string): FacetFilter => ({ field, value });
const sorted = (...records: Array<{ id: string }>) => records.map((r) => r.id).sort();

/** Facet counts over the match set, and how filters combine. */
export function searchFacetsContract(store: StoreRef): void {
  describe('facets and filters', () => {
    beforeEach(async () => {
      await store().records.upsertMany(catalogue);
    });

    const found = async (filters: FacetFilter[], text?: string) => {
      const result = await store().records.search(query({ filters, clauses: text ? [clause(text)] : [] }));
      return result.records.map((r) => r.id).sort();
    };

    it('counts every facet over the whole catalogue when browsing', async () => {
      const { total, facets } = await store().records.search(query());
      assert.equal(total, catalogue.length);
      assert.deepEqual(facets, {
        mediaType: [{ value: 'book', count: 5 }, { value: 'audiobook', count: 1 }, { value: 'dvd', count: 1 }, { value: 'other', count: 1 }],
        language: [{ value: 'eng', count: 5 }, { value: 'fre', count: 2 }, { value: 'ger', count: 1 }],
        decade: [{ value: '2000', count: 3 }, { value: '1810', count: 1 }, { value: '1840', count: 1 }, { value: '1860', count: 1 }, { value: '1910', count: 1 }],
        author: [{ value: 'Austen, Jane', count: 2 }, { value: 'Brontë, Charlotte', count: 1 }, { value: 'Hugo, Victor', count: 1 },
          { value: 'Kafka, Franz', count: 1 }, { value: 'Stevenson, Juliet', count: 1 }, { value: 'Tolstoy, Leo', count: 1 }, { value: 'Wright, Joe', count: 1 }],
        subject: [{ value: 'Courtship', count: 3 }, { value: 'Domestic fiction', count: 2 }, { value: 'Audiobooks', count: 1 },
          { value: 'Country life', count: 1 }, { value: 'Governesses', count: 1 }, { value: 'Metamorphosis', count: 1 }, { value: 'Paris (France)', count: 1 }],
        branch: [{ value: 'Central', count: 4 }, { value: 'Eastgate', count: 3 }, { value: 'Northside', count: 2 }],
        available: [{ value: 'yes', count: 4 }],
      });
    });

    it('counts facets over the records a search matched, not the whole catalogue', async () => {
      const { total, facets } = await store().records.search(query({ clauses: [clause('austen')] }));
      assert.equal(total, 3);
      assert.deepEqual(facets.mediaType, [{ value: 'audiobook', count: 1 }, { value: 'book', count: 1 }, { value: 'dvd', count: 1 }]);
      assert.deepEqual(facets.language, [{ value: 'eng', count: 3 }, { value: 'fre', count: 1 }]);
      assert.deepEqual(facets.available, [{ value: 'yes', count: 3 }]);
    });

    it('returns at most the facet limit per field, most frequent first', async () => {
      const { facets } = await store().records.search(query({ facetLimit: 2 }));
      assert.deepEqual(facets.author, [{ value: 'Austen, Jane', count: 2 }, { value: 'Brontë, Charlotte', count: 1 }]);
      assert.deepEqual(facets.subject, [{ value: 'Courtship', count: 3 }, { value: 'Domestic fiction', count: 2 }]);
      assert.equal(facets.available.length, 1);
    });

    it('narrows to one facet value and counts facets after the filter', async () => {
      const result = await store().records.search(query({ filters: [f('mediaType', 'book')] }));
      assert.equal(result.total, 5);
      assert.deepEqual(result.facets.mediaType, [{ value: 'book', count: 5 }]);
      assert.deepEqual(result.facets.branch, [{ value: 'Central', count: 3 }, { value: 'Eastgate', count: 2 }, { value: 'Northside', count: 1 }]);
    });

    it('combines filters on different fields with AND', async () => {
      assert.deepEqual(await found([f('language', 'eng'), f('mediaType', 'book')]), sorted(emma, janeEyre, warAndPeace));
      assert.deepEqual(await found([f('decade', '2000'), f('available', 'yes')]), sorted(emmaAudio, prideDvd));
    });

    it('combines filters on the same field with OR', async () => {
      assert.deepEqual(await found([f('language', 'fre'), f('language', 'ger')]), sorted(miserables, prideDvd, verwandlung));
    });

    it('combines words, OR within a field and AND across fields', async () => {
      const filters = [f('branch', 'Central'), f('branch', 'Eastgate'), f('available', 'yes')];
      assert.deepEqual(await found(filters, 'courtship'), sorted(emma, prideDvd));
    });

    it('leaves out every record holding an excluded value, browsing or searching, in every sort', async () => {
      const excluding = async (exclude: FacetFilter[], extra: Partial<Parameters<typeof query>[0]> = {}) => {
        const result = await store().records.search(query({ exclude, ...extra }));
        return { total: result.total, ids: result.records.map((r) => r.id).sort(), mediaType: result.facets.mediaType };
      };
      assert.deepEqual((await excluding([f('language', 'eng')])).ids, sorted(miserables, parishMap, verwandlung));
      assert.deepEqual((await excluding([f('language', 'eng')], { sort: 'title' })).ids, sorted(miserables, parishMap, verwandlung));
      const austen = await excluding([f('mediaType', 'book')], { clauses: [clause('austen')] });
      assert.deepEqual(austen, { total: 2, ids: sorted(emmaAudio, prideDvd), mediaType: [{ value: 'audiobook', count: 1 }, { value: 'dvd', count: 1 }] });
      const newest = await excluding([f('mediaType', 'book')], { clauses: [clause('austen')], sort: 'newest' });
      assert.deepEqual(newest.ids, sorted(emmaAudio, prideDvd));
    });

    it('counts what one more value of a field would add: the field under the other filters, minus what is shown', async () => {
      // Books at Central are shown; ticking another media type adds only records that are not books.
      const adds = await store().records.search(query({ filters: [f('branch', 'Central')], exclude: [f('mediaType', 'book')], limit: 0 }));
      const shown = await store().records.search(query({ filters: [f('branch', 'Central'), f('mediaType', 'book')] }));
      for (const { value, count } of adds.facets.mediaType) {
        const widened = await store().records.search(query({ filters: [f('branch', 'Central'), f('mediaType', 'book'), f('mediaType', value)] }));
        assert.equal(widened.total, shown.total + count, `ticking ${value} adds ${count}`);
      }
      assert.ok(adds.facets.mediaType.length > 0);
      assert.ok(!adds.facets.mediaType.some((c) => c.value === 'book'));
    });

    it('finds nothing, with empty facets, when a filter value is held by no record', async () => {
      const result = await store().records.search(query({ filters: [f('branch', 'Nowhere')] }));
      assert.equal(result.total, 0);
      assert.deepEqual(result.records, []);
      assert.deepEqual(result.facets.mediaType, []);
    });
  });
}
