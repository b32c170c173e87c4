import type { Database } from 'better-sqlite3';
import type { DailySearches, DemandCount } from '../log-stores.js';

type Range = [from: number, to: number];

/** Only typed searches' first pages count: paging, sorting and ticking a facet are not new searches. */
const SEARCHES = "FROM search_log WHERE at >= ? AND at < ? AND page = 1 AND kind = 'typed'";

/**
 * The demand reports over the search log, one GROUP BY each; the top lists
 * keep only values searched from at least the given number of visits. Ties are
 * broken by the value (binary order, as MongoDB sorts strings), so both
 * adapters list equal counts in the same order.
 */
export function searchDemandStatements(db: Database) {
  const top = (extra: string) =>
    db.prepare<[...Range, number, number], DemandCount>(
      `SELECT query AS value, count(*) AS searches ${SEARCHES} AND query <> '' ${extra}
       GROUP BY query HAVING count(DISTINCT visit) >= ? ORDER BY searches DESC, value LIMIT ?`,
    );
  return {
    daily: db.prepare<Range, DailySearches>(
      `SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, count(*) AS searches, sum(results = 0) AS zeroResults
       ${SEARCHES} GROUP BY day ORDER BY day`,
    ),
    topQueries: top(''),
    topZero: top('AND results = 0'),
    topFilters: db.prepare<[...Range, number, number], DemandCount>(
      `SELECT f.value AS value, count(*) AS searches
       FROM search_log, json_each(search_log.filters) AS f
       WHERE at >= ? AND at < ? AND page = 1
       GROUP BY f.value HAVING count(DISTINCT visit) >= ? ORDER BY searches DESC, value LIMIT ?`,
    ),
  };
}
