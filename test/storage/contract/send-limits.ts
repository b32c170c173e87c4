import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPIRY_NOW, type StoreRef } from './helpers.js';

const NOW = EXPIRY_NOW;
const MINUTE = 60_000;
const toAda = { key: 'mail-to:ada', max: 3, windowMs: 60 * MINUTE };
const fromHere = { key: 'mail-from:here', max: 2, windowMs: 10 * MINUTE };
const everyone = { key: 'mail-all', max: 5, windowMs: 60 * MINUTE };

/** Email limits: all or nothing across keys, never past a limit, even in parallel, and fresh once the window ends. */
export function sendLimitsContract(store: StoreRef): void {
  describe('send limits', () => {
    it('allows up to the limit in a window, then names the limit that is used up', async () => {
      for (let i = 0; i < 3; i++) assert.equal(await store().sendLimits.take([toAda], NOW + i), null);
      assert.deepEqual(await store().sendLimits.take([toAda], NOW + 3), toAda);
    });

    it('counts nothing when any one limit is used up', async () => {
      assert.equal(await store().sendLimits.take([toAda, fromHere], NOW), null);
      assert.equal(await store().sendLimits.take([toAda, fromHere], NOW), null);
      assert.deepEqual(await store().sendLimits.take([toAda, fromHere], NOW), fromHere);
      // The refused take cost the recipient nothing: one more is still allowed to them from elsewhere.
      assert.equal(await store().sendLimits.take([toAda], NOW), null);
      assert.deepEqual(await store().sendLimits.take([toAda], NOW), toAda);
    });

    it('starts afresh once the window has ended', async () => {
      await store().sendLimits.take([fromHere], NOW);
      await store().sendLimits.take([fromHere], NOW + MINUTE);
      assert.deepEqual(await store().sendLimits.take([fromHere], NOW + 10 * MINUTE - 1), fromHere);
      assert.equal(await store().sendLimits.take([fromHere], NOW + 10 * MINUTE), null);
    });

    it('never passes a limit when 10 takes run at once', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => store().sendLimits.take([toAda, everyone], NOW)));
      assert.equal(results.filter((r) => r === null).length, 3);
      assert.equal(await store().sendLimits.take([everyone], NOW), null, 'refused takes did not count against the overall cap');
    });

    it('purges counters whose window has ended', async () => {
      await store().sendLimits.take([fromHere, toAda], NOW);
      assert.equal(await store().sendLimits.purgeExpired(NOW + 10 * MINUTE), 1);
      assert.equal(await store().sendLimits.purgeExpired(NOW + 60 * MINUTE), 1);
    });
  });
}
