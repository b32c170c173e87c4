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

    it('reads the data together with its expiry', async () => {
      await store().sessions.set('s1', { n: 1 }, NOW + 30 * MINUTE);
      assert.deepEqual(await store().sessions.read('s1', NOW), { data: { n: 1 }, expiresAt: NOW + 30 * MINUTE });
      assert.equal(await store().sessions.read('s1', NOW + 30 * MINUTE), null);
    });

    it('updates a live session: new data, expiry pushed', async () => {
      await store().sessions.set('s1', { step: 1 }, NOW + 30 * MINUTE);
      assert.equal(await store().sessions.update('s1', { step: 2 }, NOW + 50 * MINUTE, NOW + 10 * MINUTE), true);
      assert.deepEqual(await store().sessions.read('s1', NOW + 40 * MINUTE), { data: { step: 2 }, expiresAt: NOW + 50 * MINUTE });
    });

    it('ended means ended: destroy, then a rolling save, leaves no session', async () => {
      await store().sessions.set('s1', { memberId: 'm1' }, NOW + 30 * MINUTE);
      await store().baskets.add('s1', ['a'], 10, NOW + 30 * MINUTE);
      await store().sessions.destroy('s1');
      assert.equal(await store().sessions.update('s1', { memberId: 'm1' }, NOW + 31 * MINUTE, NOW + MINUTE), false);
      assert.equal(await store().sessions.get('s1', NOW + MINUTE), null);
      assert.deepEqual(await store().baskets.list('s1'), []);
    });

    it('never brings back a session that expired before the save', async () => {
      await store().sessions.set('s1', { memberId: 'm1' }, NOW + 30 * MINUTE);
      assert.equal(await store().sessions.update('s1', { memberId: 'm1' }, NOW + 60 * MINUTE, NOW + 30 * MINUTE), false);
      assert.equal(await store().sessions.get('s1', NOW + 40 * MINUTE), null);
    });

    it('keeps the basket when the session data is set again', async () => {
      await store().baskets.add('s1', ['a', 'b'], 10, NOW + 30 * MINUTE);
      await store().sessions.set('s1', { member: 'x' }, NOW + 30 * MINUTE);
      assert.deepEqual(await store().baskets.list('s1'), ['a', 'b']);
    });

    it('keeps the basket when the session data is updated', async () => {
      await store().baskets.add('s1', ['a', 'b'], 10, NOW + 30 * MINUTE);
      await store().sessions.update('s1', { member: 'x' }, NOW + 30 * MINUTE, NOW);
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
