import type { Database } from 'better-sqlite3';
import type { AttemptState, LoginAttemptStore } from '../member-stores.js';

/** `failures` is the column's historical name: it counts attempts reserved in the window. */
interface Row { failures: number; window_ends: number; locked_until: number | null }

/** A window or lock still running at `now`; otherwise the row counts as nothing. */
function stateAt(row: Row | undefined, now: number): AttemptState {
  if (!row || (row.window_ends <= now && (row.locked_until ?? 0) <= now)) return { attempts: 0, lockedUntil: null };
  return { attempts: row.failures, lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null };
}

/**
 * Attempt counters, one row per key. A reservation is one UPSERT statement
 * with RETURNING (SQLite evaluates every SET expression on the old row), so
 * parallel attempts each get their own count and none is lost.
 */
export function createLoginAttemptStore(db: Database): LoginAttemptStore {
  const fresh = '(window_ends <= @now AND coalesce(locked_until, 0) <= @now)';
  const stmt = {
    reserve: db.prepare<Record<string, unknown>, Row>(
      `INSERT INTO login_attempts (key, failures, window_ends, locked_until)
       VALUES (@key, 1, @ends, CASE WHEN 1 >= @max THEN @ends END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${fresh} THEN 1 ELSE failures + 1 END,
         window_ends = CASE WHEN ${fresh} THEN @ends ELSE window_ends END,
         locked_until = CASE
           WHEN ${fresh} THEN CASE WHEN 1 >= @max THEN @ends END
           WHEN failures + 1 >= @max THEN coalesce(locked_until, @ends)
           ELSE locked_until END
       RETURNING failures, window_ends, locked_until`,
    ),
    release: db.prepare<Record<string, unknown>>(
      `UPDATE login_attempts SET
         failures = max(failures - 1, 0),
         locked_until = CASE WHEN failures - 1 < @max THEN NULL ELSE locked_until END
       WHERE key = @key AND NOT ${fresh}`,
    ),
    get: db.prepare<[string], Row>('SELECT failures, window_ends, locked_until FROM login_attempts WHERE key = ?'),
    clear: db.prepare('DELETE FROM login_attempts WHERE key = ?'),
    purge: db.prepare('DELETE FROM login_attempts WHERE window_ends <= @now AND coalesce(locked_until, 0) <= @now'),
  };
  return {
    async reserve(key, now, policy) {
      return stateAt(stmt.reserve.get({ key, now, ends: now + policy.windowMs, max: policy.maxAttempts }), now);
    },
    async release(key, now, policy) {
      stmt.release.run({ key, now, max: policy.maxAttempts });
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
