import type { Database } from 'better-sqlite3';
import { deleteInSteps, ROWS_PER_STEP } from './delete-in-steps.js';
import type { AuditEntry, AuditFilter, AuditStore } from '../log-stores.js';

interface Row { seq: number; at: number; member_id: string | null; card: string; action: AuditEntry['action']; target: string }

const toEntry = (r: Row): AuditEntry => ({ at: r.at, memberId: r.member_id, card: r.card, action: r.action, target: r.target });

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
  if (filter.person) {
    parts.push('(card IN (SELECT value FROM json_each(?)) OR member_id IN (SELECT value FROM json_each(?)) OR target IN (SELECT value FROM json_each(?)))');
    const ids = JSON.stringify(filter.person.memberIds);
    params.push(JSON.stringify(filter.person.cards), ids, ids);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The audit log as an append-only table, newest first. */
export function createAuditStore(db: Database): AuditStore {
  const insert = db.prepare('INSERT INTO audit_log (at, member_id, card, action, target) VALUES (@at, @memberId, @card, @action, @target)');
  const prune = db.prepare(`DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log WHERE at < ? LIMIT ${ROWS_PER_STEP})`);
  return {
    async append(entry) {
      insert.run(entry);
    },
    async list(filter, offset, limit) {
      const { sql, params } = where(filter);
      const total = db.prepare(`SELECT count(*) FROM audit_log ${sql}`).pluck().get(...params) as number;
      const rows = db
        .prepare(`SELECT seq, at, member_id, card, action, target FROM audit_log ${sql} ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?`)
        .all(...params, limit, offset) as Row[];
      return { total, entries: rows.map(toEntry) };
    },
    async *export(filter, batchSize = 2000) {
      const { sql, params } = where(filter);
      const after = `${sql ? `${sql} AND` : 'WHERE'} (at < ? OR (at = ? AND seq < ?))`;
      const first = db.prepare(`SELECT seq, at, member_id, card, action, target FROM audit_log ${sql} ORDER BY at DESC, seq DESC LIMIT ?`);
      const next = db.prepare(`SELECT seq, at, member_id, card, action, target FROM audit_log ${after} ORDER BY at DESC, seq DESC LIMIT ?`);
      let rows = first.all(...params, batchSize) as Row[];
      while (rows.length > 0) {
        yield rows.map(toEntry);
        if (rows.length < batchSize) return;
        const last = rows[rows.length - 1]!;
        rows = next.all(...params, last.at, last.at, last.seq, batchSize) as Row[];
      }
    },
    async deleteOlderThan(cutoff) {
      return deleteInSteps(db, () => prune.run(cutoff).changes);
    },
  };
}
