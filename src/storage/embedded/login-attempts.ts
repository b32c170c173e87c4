import type { Database } from 'better-sqlite3';
import type { AttemptState, LoginAttemptStore } from '../member-stores.js';

interface Row { failures: number; window_ends: number; locked_until: number | null }

/** A window or lock still running at `now`; otherwise the row counts as nothing. */
function stateAt(row: Row | undefined, now: number): AttemptState {
  if (!row || (row.window_ends <= now && (row.locked_until ?? 0) <= now)) return { failures: 0, lockedUntil: null };
  return { failures: row.failures, lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null };
}

/**
 * Failure counters, one row per key. A failure is one UPSERT statement (SQLite
 * evaluates every SET expression on the old row), so concurrent failures
 * never lose a count.
 */
export function createLoginAttemptStore(db: Database): LoginAttemptStore {
  const fresh = '(window_ends <= @now AND coalesce(locked_until, 0) <= @now)';
  const failuresAfter = `CASE WHEN ${fresh} THEN 1 ELSE failures + 1 END`;
  const stmt = {
    fail: db.prepare<Record<string, unknown>, Row>(
      `INSERT INTO login_attempts (key, failures, window_ends, locked_until)
       VALUES (@key, 1, @ends, CASE WHEN 1 >= @max THEN @ends END)
       ON CONFLICT (key) DO UPDATE SET
         failures = ${failuresAfter},
         window_ends = CASE WHEN ${fresh} THEN @ends ELSE window_ends END,
         locked_until = CASE WHEN ${failuresAfter} >= @max THEN @ends WHEN ${fresh} THEN NULL ELSE locked_until END
       RETURNING failures, window_ends, locked_until`,
    ),
    get: db.prepare<[string], Row>('SELECT failures, window_ends, locked_until FROM login_attempts WHERE key = ?'),
    clear: db.prepare('DELETE FROM login_attempts WHERE key = ?'),
    purge: db.prepare('DELETE FROM login_attempts WHERE window_ends <= @now AND coalesce(locked_until, 0) <= @now'),
  };
  return {
    async recordFailure(key, now, policy) {
      const row = stmt.fail.get({ key, now, ends: now + policy.windowMs, max: policy.maxFailures });
      return stateAt(row, now);
    },
    async get(key, now) {
      return stateAt(stmt.get.get(key), now);
    },
    async clear(key) {
      stmt.clear.run(key);
    },
    async purgeExpired(now) {
      return stmt.purge.run({ now }).changes;
    },
  };
}
