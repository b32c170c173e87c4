import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepares each distinct SQL text once. Search SQL varies only with the
 * shape of the filters (how many fields, how many values), so the set stays
 * small; the cap is a guard against an unexpected flood of shapes.
 */
export function createStatementCache(db: Database, cap = 500) {
  const cache = new Map<string, Statement>();
  return (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= cap) cache.clear();
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
