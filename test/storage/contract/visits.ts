import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreRef } from './helpers.js';

/** Anonymous analytics: distinct visitors per day, and which of them came back. */
export function visitsContract(store: StoreRef): void {
  describe('visits', () => {
    it('has nothing to report before anyone is counted', async () => {
      assert.deepEqual(await store().visits.daily('2026-01-01', '2026-12-31'), []);
    });

    it('counts a visitor once a day however many pages they view', async () => {
      for (let i = 0; i < 3; i++) await store().visits.record('v1', '2026-11-23');
      await store().visits.record('v2', '2026-11-23');
      assert.deepEqual(await store().visits.daily('2026-11-23', '2026-11-23'), [
        { day: '2026-11-23', visitors: 2, returning: 0 },
      ]);
    });

    it('counts a visitor seen on an earlier day as returning', async () => {
      await store().visits.record('v1', '2026-11-20');
      await store().visits.record('v1', '2026-11-23');
      await store().visits.record('v2', '2026-11-23');
      await store().visits.record('v2', '2026-11-24');
      assert.deepEqual(await store().visits.daily('2026-11-20', '2026-11-30'), [
        { day: '2026-11-20', visitors: 1, returning: 0 },
        { day: '2026-11-23', visitors: 2, returning: 1 },
        { day: '2026-11-24', visitors: 1, returning: 1 },
      ]);
    });

    it('reports only the days asked for, still knowing about earlier visits', async () => {
      await store().visits.record('v1', '2026-10-01');
      await store().visits.record('v1', '2026-11-23');
      await store().visits.record('v3', '2026-12-01');
      assert.deepEqual(await store().visits.daily('2026-11-01', '2026-11-30'), [
        { day: '2026-11-23', visitors: 1, returning: 1 },
      ]);
    });
  });
}
