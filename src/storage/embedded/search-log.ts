import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { deleteInSteps, ROWS_PER_STEP } from './delete-in-steps.js';
import type { SearchKind, SearchLogEntry, SearchLogStore } from '../log-stores.js';
import { searchDemandStatements } from './search-demand.js';

interface Row { at: number; query: string; filters: string; results: number; page: number; kind: SearchKind }

/** The anonymous search log. Rows have a random key and no rowid, so they keep no insertion order either. */
export function createSearchLogStore(db: Database): SearchLogStore {
  const insert = db.prepare('INSERT INTO search_log (id, at, query, filters, results, page, visit, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const list = db.prepare<[number, number], Row>('SELECT at, query, filters, results, page, kind FROM search_log WHERE at >= ? AND at < ? ORDER BY at');
  const prune = db.prepare(`DELETE FROM search_log WHERE id IN (SELECT id FROM search_log WHERE at < ? LIMIT ${ROWS_PER_STEP})`);
  const report = searchDemandStatements(db);
  return {
    async append(entry) {
      // Rounded here too, so no caller can store a time finer than the minute.
      insert.run(randomBytes(16), Math.floor(entry.at / 60_000) * 60_000, entry.query, JSON.stringify(entry.filters), entry.results, entry.page, entry.visit ?? '', entry.kind);
    },
    async list(from, to) {
      return list.all(from, to).map((r): SearchLogEntry => ({
        query: r.query, filters: JSON.parse(r.filters) as string[], results: r.results, page: r.page, kind: r.kind, at: r.at,
      }));
    },
    async deleteOlderThan(cutoff) {
      return deleteInSteps(db, () => prune.run(cutoff).changes);
    },
    async daily(from, to) {
      return report.daily.all(from, to);
    },
    async topQueries(from, to, limit, options = {}) {
      return (options.zeroResults ? report.topZero : report.topQueries).all(from, to, options.minVisits ?? 1, limit);
    },
    async topFilters(from, to, limit, options = {}) {
      return report.topFilters.all(from, to, options.minVisits ?? 1, limit);
    },
  };
}
