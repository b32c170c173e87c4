import type { Database } from 'better-sqlite3';
import type { ListStore, SavedList } from '../list-store.js';

interface Row {
  id: string; owner_id: string; name: string; record_ids: string; created_at: number; updated_at: number;
}

const toList = (row: Row): SavedList => ({
  id: row.id, ownerId: row.owner_id, name: row.name, recordIds: JSON.parse(row.record_ids) as string[],
  createdAt: row.created_at, updatedAt: row.updated_at,
});

/** Saved lists as rows, the record ids a JSON array: a list is always read and written whole. Every statement filters on the owner. */
export function createListStore(db: Database): ListStore {
  const stmt = {
    insert: db.prepare('INSERT INTO saved_lists (id, owner_id, name, record_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    get: db.prepare<[string, string], Row>('SELECT * FROM saved_lists WHERE id = ? AND owner_id = ?'),
    byOwner: db.prepare<[string], Row>('SELECT * FROM saved_lists WHERE owner_id = ? ORDER BY updated_at DESC, id'),
    count: db.prepare<[string], number>('SELECT count(*) FROM saved_lists WHERE owner_id = ?').pluck(),
    rename: db.prepare('UPDATE saved_lists SET name = ?, updated_at = ? WHERE id = ? AND owner_id = ?'),
    delete: db.prepare('DELETE FROM saved_lists WHERE id = ? AND owner_id = ?'),
  };
  return {
    async create(list) {
      stmt.insert.run(list.id, list.ownerId, list.name, JSON.stringify(list.recordIds), list.createdAt, list.updatedAt);
    },
    async get(ownerId, id) {
      const row = stmt.get.get(id, ownerId);
      return row ? toList(row) : null;
    },
    async listByOwner(ownerId) {
      return stmt.byOwner.all(ownerId).map((row) => {
        const { recordIds, ...summary } = toList(row);
        return { ...summary, count: recordIds.length };
      });
    },
    async countByOwner(ownerId) {
      return stmt.count.get(ownerId)!;
    },
    async rename(ownerId, id, name, now) {
      return stmt.rename.run(name, now, id, ownerId).changes === 1;
    },
    async delete(ownerId, id) {
      return stmt.delete.run(id, ownerId).changes === 1;
    },
  };
}
