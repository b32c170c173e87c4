import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPIRY_NOW, type StoreRef } from './helpers.js';

const LATER = EXPIRY_NOW + 30 * 60_000;
const range = (n: number, prefix = 'rec-') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The basket: order added, duplicates reported, a hard limit, and no lost adds under concurrency. */
export function basketsContract(store: StoreRef): void {
  describe('baskets', () => {
    it('starts a session with empty data when the first item is added', async () => {
      await store().baskets.add('s1', ['a'], 10, LATER);
      assert.deepEqual(await store().sessions.get('s1', LATER - 1), {});
      assert.equal(await store().sessions.get('s1', LATER), null);
    });

    it('does not touch the data of an existing session', async () => {
      await store().sessions.set('s1', { member: 'm1' }, LATER);
      await store().baskets.add('s1', ['a'], 10, LATER + 1000);
      assert.deepEqual(await store().sessions.get('s1', LATER - 1), { member: 'm1' });
    });

    it('adds to a session begun earlier only while it is live', async () => {
      await store().sessions.set('s1', { member: 'm1' }, LATER);
      assert.deepEqual(await store().baskets.add('s1', ['a'], 10, LATER + 1000, LATER - 1), { added: ['a'], alreadyIn: [], full: [] });
      assert.deepEqual(await store().baskets.list('s1'), ['a']);
    });

    it('adds nothing, and creates nothing, for a session destroyed before the add (logout in another tab)', async () => {
      await store().sessions.set('s1', { member: 'm1' }, LATER);
      await store().sessions.destroy('s1');
      assert.deepEqual(await store().baskets.add('s1', ['a', 'b'], 10, LATER, LATER - 1), { added: [], alreadyIn: [], full: [], ended: true });
      assert.equal(await store().sessions.get('s1', LATER - 1), null);
      assert.deepEqual(await store().baskets.list('s1'), []);
    });

    it('adds nothing to a session that expired before the add', async () => {
      await store().baskets.add('s1', ['a'], 10, LATER);
      assert.deepEqual(await store().baskets.add('s1', ['b'], 10, LATER + 30 * 60_000, LATER), { added: [], alreadyIn: [], full: [], ended: true });
      assert.equal(await store().sessions.get('s1', LATER), null, 'not revived with a later expiry');
      assert.deepEqual(await store().baskets.list('s1'), ['a']);
    });

    it('lists items in the order they were added', async () => {
      await store().baskets.add('s1', ['c', 'a'], 10, LATER);
      await store().baskets.add('s1', ['b'], 10, LATER);
      assert.deepEqual(await store().baskets.list('s1'), ['c', 'a', 'b']);
      assert.equal(await store().baskets.count('s1'), 3);
    });

    it('reports items already in the basket and keeps their place', async () => {
      await store().baskets.add('s1', ['a', 'b'], 10, LATER);
      assert.deepEqual(await store().baskets.add('s1', ['b', 'c', 'c'], 10, LATER), { added: ['c'], alreadyIn: ['b', 'c'], full: [] });
      assert.deepEqual(await store().baskets.list('s1'), ['a', 'b', 'c']);
    });

    it('refuses items beyond the limit and says which', async () => {
      await store().baskets.add('s1', ['a', 'b'], 3, LATER);
      assert.deepEqual(await store().baskets.add('s1', ['a', 'c', 'd', 'e'], 3, LATER), { added: ['c'], alreadyIn: ['a'], full: ['d', 'e'] });
      assert.deepEqual(await store().baskets.list('s1'), ['a', 'b', 'c']);
    });

    it('removes the given items, counting only those that were in', async () => {
      await store().baskets.add('s1', ['a', 'b', 'c'], 10, LATER);
      assert.equal(await store().baskets.remove('s1', ['b', 'x']), 1);
      assert.deepEqual(await store().baskets.list('s1'), ['a', 'c']);
      await store().baskets.add('s1', ['b'], 10, LATER);
      assert.deepEqual(await store().baskets.list('s1'), ['a', 'c', 'b']);
    });

    it('empties one basket without touching another', async () => {
      await store().baskets.add('s1', ['a', 'b'], 10, LATER);
      await store().baskets.add('s2', ['a'], 10, LATER);
      await store().baskets.clear('s1');
      assert.equal(await store().baskets.count('s1'), 0);
      assert.deepEqual(await store().baskets.list('s2'), ['a']);
    });

    it('shows an empty basket for a session never seen', async () => {
      assert.deepEqual(await store().baskets.list('unknown'), []);
      assert.equal(await store().baskets.count('unknown'), 0);
    });

    it('keeps all 50 items when 50 adds run at once in one session', async () => {
      const results = await Promise.all(range(50).map((id) => store().baskets.add('s1', [id], 250, LATER)));
      assert.deepEqual(results.flatMap((r) => r.added).sort(), range(50).sort());
      assert.equal(await store().baskets.count('s1'), 50);
      assert.deepEqual((await store().baskets.list('s1')).sort(), range(50).sort());
    });

    it('never goes past the limit when 50 adds race for the last places', async () => {
      await store().baskets.add('s1', range(20, 'old-'), 30, LATER);
      const results = await Promise.all(range(50).map((id) => store().baskets.add('s1', [id], 30, LATER)));
      assert.equal(results.filter((r) => r.added.length === 1).length, 10);
      assert.equal(results.filter((r) => r.full.length === 1).length, 40);
      assert.equal(await store().baskets.count('s1'), 30);
    });
  });
}
