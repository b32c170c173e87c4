import type { Database } from 'better-sqlite3';
import type { SessionData, SessionStore } from '../store.js';

/** Sessions with an absolute expiry; a session and its basket always leave together. Expired means expires_at <= now, for get and purge alike. */
export function createSessionStore(db: Database): SessionStore {
  const stmt = {
    get: db.prepare<[string, number], string>('SELECT data FROM sessions WHERE id = ? AND expires_at > ?').pluck(),
    set: db.prepare(
      `INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    deleteBasket: db.prepare('DELETE FROM basket_items WHERE session_id = ?'),
    deleteExpiredBaskets: db.prepare(
      'DELETE FROM basket_items WHERE session_id IN (SELECT id FROM sessions WHERE expires_at <= ?)',
    ),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
  };

  const destroy = db.transaction((id: string) => {
    stmt.deleteBasket.run(id);
    stmt.deleteSession.run(id);
  });
  const purgeExpired = db.transaction((now: number): number => {
    stmt.deleteExpiredBaskets.run(now);
    return stmt.deleteExpired.run(now).changes;
  });

  return {
    async get(id, now) {
      const data = stmt.get.get(id, now);
      return data === undefined ? null : (JSON.parse(data) as SessionData);
    },
    async set(id, data, expiresAt) {
      stmt.set.run(id, JSON.stringify(data), expiresAt);
    },
    async destroy(id) {
      destroy.immediate(id);
    },
    async purgeExpired(now) {
      return purgeExpired.immediate(now);
    },
  };
}
