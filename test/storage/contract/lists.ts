import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SavedList } from '../../../src/storage/list-store.js';
import type { StoreRef } from './helpers.js';

const T0 = 1_700_000_000_000;
const list = (overrides: Partial<SavedList> & Pick<SavedList, 'id'>): SavedList => ({
  ownerId: 'm1', name: 'Holiday reading', recordIds: ['b', 'a', 'c'], createdAt: T0, updatedAt: T0, ...overrides,
});

/** Saved lists: kept per owner, in order, and invisible to anyone else. */
export function listsContract(store: StoreRef): void {
  describe('saved lists', () => {
    it('keeps a list whole, items in their order', async () => {
      await store().lists.create(list({ id: 'l1' }));
      assert.deepEqual(await store().lists.get('m1', 'l1'), list({ id: 'l1' }));
    });

    it('gives another owner nothing for the same id, as if it did not exist', async () => {
      await store().lists.create(list({ id: 'l1' }));
      assert.equal(await store().lists.get('m2', 'l1'), null);
      assert.equal(await store().lists.get('m1', 'no-such-list'), null);
      assert.equal(await store().lists.rename('m2', 'l1', 'Mine now', T0 + 1), false);
      assert.equal(await store().lists.delete('m2', 'l1'), false);
      assert.equal((await store().lists.get('m1', 'l1'))?.name, 'Holiday reading');
    });

    it('lists an owner’s lists only, most recently changed first, with their sizes', async () => {
      await store().lists.create(list({ id: 'l1', name: 'Old', updatedAt: T0 }));
      await store().lists.create(list({ id: 'l2', name: 'New', recordIds: ['x'], updatedAt: T0 + 5 }));
      await store().lists.create(list({ id: 'l3', ownerId: 'm2', name: 'Someone else’s' }));
      const mine = await store().lists.listByOwner('m1');
      assert.deepEqual(mine.map((l) => [l.id, l.name, l.count]), [['l2', 'New', 1], ['l1', 'Old', 3]]);
      assert.deepEqual(mine[0], { id: 'l2', ownerId: 'm1', name: 'New', createdAt: T0, updatedAt: T0 + 5, count: 1 });
      assert.equal(await store().lists.countByOwner('m1'), 2);
      assert.deepEqual(await store().lists.listByOwner('nobody'), []);
    });

    it('renames a list and counts that as a change', async () => {
      await store().lists.create(list({ id: 'l1' }));
      assert.equal(await store().lists.rename('m1', 'l1', 'Book club', T0 + 10), true);
      const renamed = await store().lists.get('m1', 'l1');
      assert.deepEqual([renamed?.name, renamed?.updatedAt, renamed?.recordIds], ['Book club', T0 + 10, ['b', 'a', 'c']]);
    });

    it('deletes a list, once', async () => {
      await store().lists.create(list({ id: 'l1' }));
      assert.equal(await store().lists.delete('m1', 'l1'), true);
      assert.equal(await store().lists.get('m1', 'l1'), null);
      assert.equal(await store().lists.delete('m1', 'l1'), false);
    });
  });
}
