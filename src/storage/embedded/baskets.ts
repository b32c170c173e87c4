import type { Database } from 'better-sqlite3';
import type { BasketAddResult, BasketStore } from '../store.js';

/**
 * Basket items as rows (session, record, position). Every change is one
 * IMMEDIATE transaction, so concurrent adds from any process queue on the
 * write lock instead of overwriting each other.
 */
export function createBasketStore(db: Database): BasketStore {
  const stmt = {
    ensureSession: db.prepare("INSERT INTO sessions (id, data, expires_at) VALUES (?, '{}', ?) ON CONFLICT (id) DO NOTHING"),
    live: db.prepare<[string, number], number>('SELECT 1 FROM sessions WHERE id = ? AND expires_at > ?').pluck(),
    state: db.prepare<[string], { n: number; last: number | null }>(
      'SELECT count(*) AS n, max(position) AS last FROM basket_items WHERE session_id = ?',
    ),
    has: db.prepare<[string, string], number>('SELECT 1 FROM basket_items WHERE session_id = ? AND record_id = ?').pluck(),
    insert: db.prepare('INSERT INTO basket_items (session_id, record_id, position) VALUES (?, ?, ?)'),
    remove: db.prepare('DELETE FROM basket_items WHERE session_id = ? AND record_id = ?'),
    clear: db.prepare('DELETE FROM basket_items WHERE session_id = ?'),
    list: db.prepare<[string], string>('SELECT record_id FROM basket_items WHERE session_id = ? ORDER BY position').pluck(),
    count: db.prepare<[string], number>('SELECT count(*) FROM basket_items WHERE session_id = ?').pluck(),
  };

  const add = db.transaction((sessionId: string, ids: string[], limit: number, expiresAt: number, liveAt?: number): BasketAddResult => {
    // Checked inside the write transaction, so a logout cannot slip in between the check and the insert.
    if (liveAt === undefined) stmt.ensureSession.run(sessionId, expiresAt);
    else if (stmt.live.get(sessionId, liveAt) === undefined) return { added: [], alreadyIn: [], full: [], ended: true };
    const result: BasketAddResult = { added: [], alreadyIn: [], full: [] };
    const state = stmt.state.get(sessionId)!;
    let size = state.n;
    let position = state.last ?? 0;
    for (const id of ids) {
      if (stmt.has.get(sessionId, id) !== undefined) result.alreadyIn.push(id);
      else if (size >= limit) result.full.push(id);
      else {
        stmt.insert.run(sessionId, id, ++position);
        size++;
        result.added.push(id);
      }
    }
    return result;
  });

  const remove = db.transaction((sessionId: string, ids: string[]) =>
    ids.reduce((removed, id) => removed + stmt.remove.run(sessionId, id).changes, 0));

  return {
    async add(sessionId, ids, limit, expiresAt, liveAt) {
      return add.immediate(sessionId, ids, limit, expiresAt, liveAt);
    },
    async remove(sessionId, ids) {
      return remove.immediate(sessionId, ids);
    },
    async clear(sessionId) {
      stmt.clear.run(sessionId);
    },
    async list(sessionId) {
      return stmt.list.all(sessionId);
    },
    async count(sessionId) {
      return stmt.count.get(sessionId)!;
    },
  };
}
