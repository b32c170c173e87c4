import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditFilter, AuditStore } from '../log-stores.js';

interface Row { at: number; member_id: string | null; card: string; action: AuditEntry['action']; target: string }

/** WHERE clause and parameters for a filter; only fixed column names ever reach the SQL. */
function where(filter: AuditFilter): { sql: string; params: Array<string | number> } {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  const add = (sql: string, value: string | number | undefined) => {
    if (value === undefined) return;
    parts.push(sql);
    params.push(value);
  };
  add('card = ?', filter.card);
  add('member_id = ?', filter.memberId);
  add('action = ?', filter.action);
  add('at >= ?', filter.from);
  add('at < ?', filter.to);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The audit log as an append-only table, newest first. */
export function createAuditStore(db: Database): AuditStore {
  const insert = db.prepare('INSERT INTO audit_log (at, member_id, card, action, target) VALUES (@at, @memberId, @card, @action, @target)');
  const prune = db.prepare('DELETE FROM audit_log WHERE at < ?');
  return {
    async append(entry) {
      insert.run(entry);
    },
    async list(filter, offset, limit) {
      const { sql, params } = where(filter);
      const total = db.prepare(`SELECT count(*) FROM audit_log ${sql}`).pluck().get(...params) as number;
      const rows = db
        .prepare(`SELECT at, member_id, card, action, target FROM audit_log ${sql} ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?`)
        .all(...params, limit, offset) as Row[];
      return { total, entries: rows.map((r) => ({ at: r.at, memberId: r.member_id, card: r.card, action: r.action, target: r.target })) };
    },
    async deleteOlderThan(cutoff) {
      return prune.run(cutoff).changes;
    },
  };
}
