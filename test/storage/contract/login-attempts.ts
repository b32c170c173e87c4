import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPIRY_NOW, type StoreRef } from './helpers.js';

const NOW = EXPIRY_NOW;
const MINUTE = 60_000;
const POLICY = { maxAttempts: 5, windowMs: 15 * MINUTE };

/** Login-attempt counters: reserved before the PIN is checked, a lock on reaching the limit, and no lost counts. */
export function loginAttemptsContract(store: StoreRef): void {
  describe('login attempts', () => {
    it('knows nothing of a key that never tried', async () => {
      assert.deepEqual(await store().loginAttempts.get('card:1', NOW), { attempts: 0, lockedUntil: null });
    });

    it('locks a key on the fifth attempt, for fifteen minutes from it, and later attempts do not extend the lock', async () => {
      for (let i = 1; i <= 4; i++) {
        assert.deepEqual(await store().loginAttempts.reserve('card:1', NOW + i, POLICY), { attempts: i, lockedUntil: null });
      }
      const fifth = await store().loginAttempts.reserve('card:1', NOW + 5 * MINUTE, POLICY);
      assert.deepEqual(fifth, { attempts: 5, lockedUntil: NOW + 20 * MINUTE });
      const sixth = await store().loginAttempts.reserve('card:1', NOW + 10 * MINUTE, POLICY);
      assert.deepEqual(sixth, { attempts: 6, lockedUntil: NOW + 20 * MINUTE });
      assert.equal((await store().loginAttempts.get('card:1', NOW + 20 * MINUTE - 1)).lockedUntil, NOW + 20 * MINUTE);
      assert.deepEqual(await store().loginAttempts.get('card:1', NOW + 20 * MINUTE), { attempts: 0, lockedUntil: null });
      assert.deepEqual(await store().loginAttempts.get('card:2', NOW + MINUTE), { attempts: 0, lockedUntil: null });
    });

    it('starts counting again once the window has passed without a lock', async () => {
      for (let i = 0; i < 4; i++) await store().loginAttempts.reserve('card:1', NOW, POLICY);
      const later = await store().loginAttempts.reserve('card:1', NOW + 15 * MINUTE, POLICY);
      assert.deepEqual(later, { attempts: 1, lockedUntil: null });
    });

    it('gives each of 300 attempts arriving at once its own count, so exactly 5 are within the limit', async () => {
      const counts = await Promise.all(Array.from({ length: 300 }, () => store().loginAttempts.reserve('card:x', NOW, POLICY)));
      assert.deepEqual(counts.map((c) => c.attempts).sort((a, b) => a - b), Array.from({ length: 300 }, (_, i) => i + 1));
      assert.equal(counts.filter((c) => c.attempts <= POLICY.maxAttempts).length, 5);
      assert.deepEqual(await store().loginAttempts.get('card:x', NOW + 1), { attempts: 300, lockedUntil: NOW + 15 * MINUTE });
    });

    it('gives an attempt back on release, unlocking a key that falls below the limit, and never below zero', async () => {
      for (let i = 0; i < 5; i++) await store().loginAttempts.reserve('addr:y', NOW, POLICY);
      await store().loginAttempts.release('addr:y', NOW + 1, POLICY);
      assert.deepEqual(await store().loginAttempts.get('addr:y', NOW + 1), { attempts: 4, lockedUntil: null });
      await store().loginAttempts.reserve('addr:z', NOW, POLICY);
      await store().loginAttempts.release('addr:z', NOW, POLICY);
      await store().loginAttempts.release('addr:z', NOW, POLICY);
      assert.equal((await store().loginAttempts.reserve('addr:z', NOW, POLICY)).attempts, 1);
      await store().loginAttempts.release('addr:never', NOW, POLICY);
      assert.deepEqual(await store().loginAttempts.get('addr:never', NOW), { attempts: 0, lockedUntil: null });
    });

    it('forgets a key when cleared, and purges only keys whose window and lock have ended', async () => {
      for (let i = 0; i < 5; i++) await store().loginAttempts.reserve('card:locked', NOW, POLICY);
      await store().loginAttempts.reserve('card:old', NOW - 20 * MINUTE, POLICY);
      await store().loginAttempts.reserve('card:cleared', NOW, POLICY);
      await store().loginAttempts.clear('card:cleared');
      assert.equal((await store().loginAttempts.get('card:cleared', NOW)).attempts, 0);
      assert.equal(await store().loginAttempts.purgeExpired(NOW), 1);
      assert.equal((await store().loginAttempts.get('card:locked', NOW)).attempts, 5);
    });
  });
}
