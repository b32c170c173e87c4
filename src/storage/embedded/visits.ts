import type { Database } from 'better-sqlite3';
import type { DailyVisits, VisitStore } from '../store.js';

/** Visitor counts as (day, visitor) rows; "returning" means the same key has a row on an earlier day. */
export function createVisitStore(db: Database): VisitStore {
  const stmt = {
    record: db.prepare('INSERT INTO visits (day, visitor) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    daily: db.prepare<[string, string], DailyVisits>(
      `SELECT v.day AS day, count(*) AS visitors,
              sum(EXISTS (SELECT 1 FROM visits e WHERE e.visitor = v.visitor AND e.day < v.day)) AS "returning"
       FROM visits v WHERE v.day BETWEEN ? AND ? GROUP BY v.day ORDER BY v.day`,
    ),
  };
  return {
    async record(visitorKey, day) {
      stmt.record.run(day, visitorKey);
    },
    async daily(from, to) {
      return stmt.daily.all(from, to);
    },
  };
}
