import type { Database } from 'better-sqlite3';
import type { SendLimit, SendLimitStore } from '../store.js';

/**
 * Send-limit counters, one row per key. A take checks every limit and then
 * counts them all in one IMMEDIATE transaction, so parallel requests from any
 * process queue on the write lock and never count past a limit.
 */
export function createSendLimitStore(db: Database): SendLimitStore {
  const stmt = {
    used: db.prepare<[string, number], number>('SELECT used FROM send_limits WHERE key = ? AND window_ends > ?').pluck(),
    count: db.prepare(
      `INSERT INTO send_limits (key, used, window_ends) VALUES (@key, 1, @ends)
       ON CONFLICT (key) DO UPDATE SET
         used = CASE WHEN window_ends <= @now THEN 1 ELSE used + 1 END,
         window_ends = CASE WHEN window_ends <= @now THEN @ends ELSE window_ends END`,
    ),
    purge: db.prepare('DELETE FROM send_limits WHERE window_ends <= ?'),
  };

  const take = db.transaction((limits: SendLimit[], now: number): SendLimit | null => {
    const spent = limits.find((limit) => (stmt.used.get(limit.key, now) ?? 0) >= limit.max);
    if (spent) return spent;
    for (const limit of limits) stmt.count.run({ key: limit.key, now, ends: now + limit.windowMs });
    return null;
  });

  return {
    async take(limits, now) {
      return take.immediate(limits, now);
    },
    async purgeExpired(now) {
      return stmt.purge.run(now).changes;
    },
  };
}
