import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPIRY_NOW, type StoreRef } from './helpers.js';

const NOW = EXPIRY_NOW;
const MINUTE = 60_000;

/** Sessions expire at an injected time, and take their basket with them when they go. */
export function sessionsContract(store: StoreRef): void {
  describe('sessions', () => {
    it('knows nothing of a session never set', async () => {
      assert.equal(await store().sessions.get('never-set', NOW), null);
    });

    it('gives back the data set, until the moment it expires', async () => {
      await store().sessions.set('s1', { consent: 'yes', n: 2 }, NOW + 30 * MINUTE);
      assert.deepEqual(await store().sessions.get('s1', NOW), { consent: 'yes', n: 2 });
      assert.deepEqual(await store().sessions.get('s1', NOW + 30 * MINUTE - 1), { consent: 'yes', n: 2 });
      assert.equal(await store().sessions.get('s1', NOW + 30 * MINUTE), null);
      assert.equal(await store().sessions.get('s1', NOW + 60 * MINUTE), null);
    });

    it('replaces the data and pushes the expiry on every set', async () => {
      await store().sessions.set('s1', { step: 1 }, NOW + 30 * MINUTE);
      await store().sessions.set('s1', { step: 2 }, NOW + 50 * MINUTE);
      assert.deepEqual(await store().sessions.get('s1', NOW + 40 * MINUTE), { step: 2 });
    });

    it('keeps the basket when the session data is set again', async () => {
      await store().baskets.add('s1', ['a', 'b'], 10, NOW + 30 * MINUTE);
      await store().sessions.set('s1', { member: 'x' }, NOW + 30 * MINUTE);
      assert.deepEqual(await store().baskets.list('s1'), ['a', 'b']);
    });

    it('destroys a session together with its basket, leaving others alone', async () => {
      await store().sessions.set('s1', { a: 1 }, NOW + 30 * MINUTE);
      await store().baskets.add('s1', ['a'], 10, NOW + 30 * MINUTE);
      await store().baskets.add('s2', ['b'], 10, NOW + 30 * MINUTE);
      await store().sessions.destroy('s1');
      assert.equal(await store().sessions.get('s1', NOW), null);
      assert.deepEqual(await store().baskets.list('s1'), []);
      assert.deepEqual(await store().baskets.list('s2'), ['b']);
      await store().sessions.destroy('never-set');
    });

    it('purges expired sessions with their baskets and counts them', async () => {
      await store().sessions.set('old-1', {}, NOW - 10 * MINUTE);
      await store().baskets.add('old-2', ['a', 'b'], 10, NOW - 1);
      await store().baskets.add('live', ['c'], 10, NOW + 30 * MINUTE);
      assert.equal(await store().sessions.purgeExpired(NOW), 2);
      assert.deepEqual(await store().baskets.list('old-2'), []);
      assert.deepEqual(await store().baskets.list('live'), ['c']);
      assert.deepEqual(await store().sessions.get('live', NOW), {});
      assert.equal(await store().sessions.purgeExpired(NOW), 0);
    });
  });
}
