import type { Database } from 'better-sqlite3';
import type { CatalogueRecord } from '../../model/record.js';
import type { RecordStore, VocabularyTerm } from '../store.js';
import { createRecordWrites } from './record-writes.js';
import { VersionedCache } from '../versioned-cache.js';
import type { StoreSearchQuery, StoreSearchResult } from '../../model/search-query.js';
import { createSearchEngine } from './search.js';
import { persistCountsIn } from './facets.js';
import { snapshotFileOf } from './facet-snapshot.js';

/** Where searches run: a pool of worker threads (search-pool.ts), or this thread when none is given. */
export type SearchRunner = (query: StoreSearchQuery) => Promise<StoreSearchResult>;

/** On this thread: for in-memory stores and tests; whole-catalogue counts are persisted once the search is answered. */
export function searchOnThisThread(db: Database): SearchRunner {
  const persist = persistCountsIn(db);
  const search = createSearchEngine(db, (version, counts) =>
    setImmediate(() => {
      try {
        if (db.open) persist(version, counts);
      } catch {
        // Only a cache: the next start counts again.
      }
    }), { snapshotFile: snapshotFileOf(db.name) });
  return async (query) => search(query);
}

/** The catalogue on SQLite: documents as JSON, with FTS5 and facet rows kept beside them. */
export function createRecordStore(db: Database, search: SearchRunner): RecordStore {
  const writes = createRecordWrites(db);
  const byId = db.prepare<[string], string>('SELECT doc FROM records WHERE id = ?').pluck();
  const byIds = db
    .prepare<[string], { id: string; doc: string }>('SELECT id, doc FROM records WHERE id IN (SELECT value FROM json_each(?))');
  const count = db.prepare<[], number>('SELECT count(*) FROM records').pluck();
  // fts5vocab over the index: a temp table of this connection, so no migration; reads are live, so always current.
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_vocab USING fts5vocab(main, records_fts, row)');
  const vocabulary = db.prepare<[string, string, number], VocabularyTerm>(
    'SELECT term, doc AS docs FROM temp.records_vocab WHERE term >= ? AND term < ? ORDER BY term LIMIT ?');
  // fts5vocab counts each term's records by reading its postings, so common words cost; answers are kept per catalogue version.
  const version = db.prepare<[], number>('SELECT version FROM catalogue_version').pluck();
  const vocabularyCache = new VersionedCache<VocabularyTerm[]>(2_000);

  return {
    async upsertMany(records) {
      return writes.upsertMany(records);
    },
    async get(id) {
      const doc = byId.get(id);
      return doc === undefined ? null : (JSON.parse(doc) as CatalogueRecord);
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const found = new Map(byIds.all(JSON.stringify(ids)).map((row) => [row.id, row.doc]));
      return ids.flatMap((id) => {
        const doc = found.get(id);
        return doc === undefined ? [] : [JSON.parse(doc) as CatalogueRecord];
      });
    },
    search,
    async vocabulary(prefix, limit) {
      if (!prefix) return [];
      return vocabularyCache.read(version.get()!, `${limit}:${prefix}`,
        // Every term starting with the prefix sorts between it and the prefix with U+10FFFF appended.
        () => vocabulary.all(prefix, `${prefix}\u{10FFFF}`, limit));
    },
    async count() {
      return count.get()!;
    },
    async clear() {
      writes.clear();
    },
    bulkLoad: (work) => writes.bulkLoad(work),
  };
}
