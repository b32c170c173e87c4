import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { catalogue, emma, janeEyre, miserables } from '../fixtures.js';
import { idsMatching, type StoreRef } from './helpers.js';

/** Upsert counts, reads by id, count and clear. */
export function recordsContract(store: StoreRef): void {
  describe('records', () => {
    it('counts every new record as added', async () => {
      assert.deepEqual(await store().records.upsertMany(catalogue), { added: catalogue.length, updated: 0, unchanged: 0 });
      assert.equal(await store().records.count(), catalogue.length);
    });

    it('counts a record imported twice as unchanged the second time', async () => {
      await store().records.upsertMany([emma, janeEyre]);
      assert.deepEqual(await store().records.upsertMany([emma, janeEyre]), { added: 0, updated: 0, unchanged: 2 });
    });

    it('counts a changed record as updated and replaces what search finds', async () => {
      await store().records.upsertMany([emma, janeEyre]);
      const renamed = { ...emma, title: 'Emma Revisited', subjects: ['Matchmaking'] };
      const counts = await store().records.upsertMany([renamed, janeEyre, miserables]);
      assert.deepEqual(counts, { added: 1, updated: 1, unchanged: 1 });
      assert.deepEqual(await store().records.get(emma.id), renamed);
      assert.deepEqual(await idsMatching(store(), 'revisited'), [emma.id]);
      assert.deepEqual(await idsMatching(store(), 'country', 'subject'), []);
      assert.equal(await store().records.count(), 3);
    });

    it('marks the catalogue with a version that changes with every change, and only then', async () => {
      const empty = await store().records.version();
      assert.equal(await store().records.version(), empty, 'reading changes nothing');
      await store().records.upsertMany([emma, janeEyre]);
      const filled = await store().records.version();
      assert.notEqual(filled, empty, 'an import that adds records');
      await store().records.upsertMany([emma, janeEyre]);
      assert.equal(await store().records.version(), filled, 'an import of the same records changes nothing');
      await store().records.upsertMany([{ ...emma, title: 'Emma Revisited' }]);
      const updated = await store().records.version();
      assert.notEqual(updated, filled, 'an import that changes a record');
      await store().records.clear();
      assert.notEqual(await store().records.version(), updated, 'clear');
    });

    it('gives back a record exactly as stored, and null for an unknown id', async () => {
      await store().records.upsertMany(catalogue);
      assert.deepEqual(await store().records.get(janeEyre.id), janeEyre);
      assert.equal(await store().records.get('no-such-record'), null);
    });

    it('gets many records in the order asked, leaving unknown ids out', async () => {
      await store().records.upsertMany(catalogue);
      const found = await store().records.getMany([miserables.id, 'unknown', emma.id, janeEyre.id]);
      assert.deepEqual(found.map((r) => r.id), [miserables.id, emma.id, janeEyre.id]);
      assert.deepEqual(await store().records.getMany([]), []);
    });

    describe('clear', () => {
      beforeEach(async () => {
        await store().records.upsertMany(catalogue);
        await store().records.clear();
      });

      it('empties the catalogue', async () => {
        assert.equal(await store().records.count(), 0);
        assert.equal(await store().records.get(emma.id), null);
      });

      it('leaves nothing for search or facets to find', async () => {
        assert.deepEqual(await idsMatching(store(), 'emma'), []);
        const { total, facets } = await store().records.search({
          clauses: [], filters: [], sort: 'relevance', offset: 0, limit: 10, facetLimit: 10,
        });
        assert.equal(total, 0);
        assert.deepEqual(facets.mediaType, []);
      });

      it('accepts the same records again as new', async () => {
        assert.deepEqual(await store().records.upsertMany([emma]), { added: 1, updated: 0, unchanged: 0 });
      });
    });
  });
}
