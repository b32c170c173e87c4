import type { Database } from 'better-sqlite3';

/**
 * The most rows one step of a purge deletes. The bench's sessions purge once
 * deleted 40,000 basket rows in one statement, under load: 490 ms in which
 * the serving thread answered nobody. A step of 500 basket rows took 0.6-0.8 ms
 * on the idle machine (42,000 rows, 85 steps), about 6 ms at that statement's pace.
 */
export const ROWS_PER_STEP = 500;

/**
 * Runs `step` (which deletes at most ROWS_PER_STEP rows and says how many) in
 * a write transaction of its own, again and again until one deletes fewer,
 * and lets the event loop take a turn between steps: a purge of many rows
 * holds neither the serving thread nor the write lock for longer than a step.
 */
export async function deleteInSteps(db: Database, step: () => number): Promise<number> {
  const once = db.transaction(step);
  let total = 0;
  for (;;) {
    const deleted = once.immediate();
    total += deleted;
    if (deleted < ROWS_PER_STEP) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
