import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate } from 'mingo';
import { dailyVisitsPipeline, readDailyVisits, type DailyVisitsRow, type VisitDocument } from '../../../src/storage/mongo/visit-store.js';

/** Runs the adapter's own pipeline through mingo, where no MongoDB server runs. */
function daily(visits: Array<[visitor: string, day: string]>, from: string, to: string) {
  const docs: Array<VisitDocument & Record<string, unknown>> = visits.map(([visitor, day]) => ({ _id: `${day}:${visitor}`, day, visitor }));
  const rows = aggregate(docs, dailyVisitsPipeline(from, to), { collectionResolver: () => docs }) as unknown as DailyVisitsRow[];
  return rows.map(readDailyVisits);
}

describe('mongodb visit counts pipeline', () => {
  it('counts distinct visitors per day and those seen on an earlier day', () => {
    const result = daily([['v1', '2026-11-20'], ['v1', '2026-11-23'], ['v2', '2026-11-23'], ['v2', '2026-11-24']], '2026-11-20', '2026-11-30');
    assert.deepEqual(result, [
      { day: '2026-11-20', visitors: 1, returning: 0 },
      { day: '2026-11-23', visitors: 2, returning: 1 },
      { day: '2026-11-24', visitors: 1, returning: 1 },
    ]);
  });

  it('leaves out days outside the range but still sees visits before it', () => {
    const result = daily([['v1', '2026-10-01'], ['v1', '2026-11-23'], ['v3', '2026-12-01']], '2026-11-01', '2026-11-30');
    assert.deepEqual(result, [{ day: '2026-11-23', visitors: 1, returning: 1 }]);
  });
});
