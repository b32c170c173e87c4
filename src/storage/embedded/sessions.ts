import type { Database } from 'better-sqlite3';
import type { SessionData, SessionStore } from '../store.js';
import { deleteInSteps, ROWS_PER_STEP } from './delete-in-steps.js';

/** Sessions with an absolute expiry; a session and its basket always leave together. Expired means expires_at <= now, for get and purge alike. */
export function createSessionStore(db: Database): SessionStore {
  const stmt = {
    read: db.prepare<[string, number], { data: string; expires_at: number }>('SELECT data, expires_at FROM sessions WHERE id = ? AND expires_at > ?'),
    set: db.prepare(
      `INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
    ),
    // Never an insert: a session deleted (logout) or expired while a request was in flight stays gone.
    update: db.prepare('UPDATE sessions SET data = ?, expires_at = ? WHERE id = ? AND expires_at > ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    deleteBasket: db.prepare('DELETE FROM basket_items WHERE session_id = ?'),
    // Purged in steps (delete-in-steps.ts): first the expired visits' baskets, a few hundred rows at a time,
    expiredBasketRows: db.prepare(
      `DELETE FROM basket_items WHERE (session_id, record_id) IN (
         SELECT b.session_id, b.record_id FROM sessions s JOIN basket_items b ON b.session_id = s.id
         WHERE s.expires_at <= ? LIMIT ${ROWS_PER_STEP})`,
    ),
    // then the visits, each with whatever of its basket is left, in one transaction: they leave together.
    expiredBaskets: db.prepare(
      `DELETE FROM basket_items WHERE session_id IN (SELECT id FROM sessions WHERE expires_at <= ? LIMIT ${ROWS_PER_STEP})`,
    ),
    expiredSessions: db.prepare(`DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at <= ? LIMIT ${ROWS_PER_STEP})`),
  };

  const destroy = db.transaction((id: string) => {
    stmt.deleteBasket.run(id);
    stmt.deleteSession.run(id);
  });

  return {
    async get(id, now) {
      const row = stmt.read.get(id, now);
      return row === undefined ? null : (JSON.parse(row.data) as SessionData);
    },
    async read(id, now) {
      const row = stmt.read.get(id, now);
      return row === undefined ? null : { data: JSON.parse(row.data) as SessionData, expiresAt: row.expires_at };
    },
    async set(id, data, expiresAt) {
      stmt.set.run(id, JSON.stringify(data), expiresAt);
    },
    async update(id, data, expiresAt, now) {
      return stmt.update.run(JSON.stringify(data), expiresAt, id, now).changes === 1;
    },
    async destroy(id) {
      destroy.immediate(id);
    },
    async purgeExpired(now) {
      await deleteInSteps(db, () => stmt.expiredBasketRows.run(now).changes);
      return deleteInSteps(db, () => {
        stmt.expiredBaskets.run(now);
        return stmt.expiredSessions.run(now).changes;
      });
    },
  };
}
