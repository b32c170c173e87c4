import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPIRY_NOW, type StoreRef } from './helpers.js';

const NOW = EXPIRY_NOW;
const MINUTE = 60_000;
const POLICY = { maxFailures: 5, windowMs: 15 * MINUTE };

/** Failed-login counters: a lock after too many failures, for a while, and no lost counts. */
export function loginAttemptsContract(store: StoreRef): void {
  describe('login attempts', () => {
    it('knows nothing of a key that never failed', async () => {
      assert.deepEqual(await store().loginAttempts.get('card:1', NOW), { failures: 0, lockedUntil: null });
    });

    it('locks a key on the fifth failure, for fifteen minutes from it', async () => {
      for (let i = 1; i <= 4; i++) {
        assert.deepEqual(await store().loginAttempts.recordFailure('card:1', NOW + i, POLICY), { failures: i, lockedUntil: null });
      }
      const fifth = await store().loginAttempts.recordFailure('card:1', NOW + 5 * MINUTE, POLICY);
      assert.deepEqual(fifth, { failures: 5, lockedUntil: NOW + 20 * MINUTE });
      assert.equal((await store().loginAttempts.get('card:1', NOW + 20 * MINUTE - 1)).lockedUntil, NOW + 20 * MINUTE);
      assert.deepEqual(await store().loginAttempts.get('card:1', NOW + 20 * MINUTE), { failures: 0, lockedUntil: null });
      assert.deepEqual(await store().loginAttempts.get('card:2', NOW + MINUTE), { failures: 0, lockedUntil: null });
    });

    it('starts counting again once the window has passed without a lock', async () => {
      for (let i = 0; i < 4; i++) await store().loginAttempts.recordFailure('card:1', NOW, POLICY);
      const later = await store().loginAttempts.recordFailure('card:1', NOW + 15 * MINUTE, POLICY);
      assert.deepEqual(later, { failures: 1, lockedUntil: null });
    });

    it('counts every one of 20 failures that arrive at once', async () => {
      const policy = { maxFailures: 20, windowMs: 15 * MINUTE };
      await Promise.all(Array.from({ length: 20 }, () => store().loginAttempts.recordFailure('addr:x', NOW, policy)));
      assert.deepEqual(await store().loginAttempts.get('addr:x', NOW + 1), { failures: 20, lockedUntil: NOW + 15 * MINUTE });
    });

    it('forgets a key when cleared, and purges only keys whose window and lock have ended', async () => {
      for (let i = 0; i < 5; i++) await store().loginAttempts.recordFailure('card:locked', NOW, POLICY);
      await store().loginAttempts.recordFailure('card:old', NOW - 20 * MINUTE, POLICY);
      await store().loginAttempts.recordFailure('card:cleared', NOW, POLICY);
      await store().loginAttempts.clear('card:cleared');
      assert.equal((await store().loginAttempts.get('card:cleared', NOW)).failures, 0);
      assert.equal(await store().loginAttempts.purgeExpired(NOW), 1);
      assert.equal((await store().loginAttempts.get('card:locked', NOW)).failures, 5);
    });
  });
}
