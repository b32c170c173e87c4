import { randomUUID } from 'node:crypto';
import type { Db, IndexDescription } from 'mongodb';
import type { SearchLogEntry, SearchLogStore } from '../log-stores.js';
import { dailySearchesPipeline, readCount, readDaily, topFiltersPipeline, topQueriesPipeline } from './search-demand.js';

/** `_id` is a random UUID: an ObjectId would carry the exact second of the search. */
type SearchLogDocument = Omit<SearchLogEntry, 'at' | 'visit' | 'kind'> & { _id: string; at: Date; visit: string; kind?: SearchLogEntry['kind'] };

export const SEARCH_LOG_INDEXES: IndexDescription[] = [{ name: 'search_log_at', key: { at: 1 } }];

/** The anonymous search log on MongoDB. */
export function createSearchLogStore(db: Db): SearchLogStore {
  const log = db.collection<SearchLogDocument>('searchLog');
  return {
    async append(entry) {
      // Rounded here too, so no caller can store a time finer than the minute.
      await log.insertOne({ ...entry, _id: randomUUID(), at: new Date(Math.floor(entry.at / 60_000) * 60_000), visit: entry.visit ?? '' });
    },
    async list(from, to) {
      const docs = await log.find({ at: { $gte: new Date(from), $lt: new Date(to) } }, { projection: { _id: 0 } }).sort({ at: 1 }).toArray();
      // Entries from before issue 17 have no kind: they were all counted as searches, so they read as typed.
      return docs.map((d) => ({ query: d.query, filters: d.filters, results: d.results, page: d.page, kind: d.kind ?? 'typed', at: d.at.getTime() }));
    },
    async deleteOlderThan(cutoff) {
      return (await log.deleteMany({ at: { $lt: new Date(cutoff) } })).deletedCount;
    },
    async daily(from, to) {
      return (await log.aggregate(dailySearchesPipeline(from, to)).toArray()).map(readDaily);
    },
    async topQueries(from, to, limit, options = {}) {
      return (await log.aggregate(topQueriesPipeline(from, to, limit, options.zeroResults, options.minVisits)).toArray()).map(readCount);
    },
    async topFilters(from, to, limit, options = {}) {
      return (await log.aggregate(topFiltersPipeline(from, to, limit, options.minVisits)).toArray()).map(readCount);
    },
  };
}
