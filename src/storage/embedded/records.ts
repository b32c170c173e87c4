import type { Database } from 'better-sqlite3';
import type { CatalogueRecord } from '../../model/record.js';
import type { RecordStore, VocabularyTerm } from '../store.js';
import { createRecordWrites } from './record-writes.js';
import { VersionedCache } from '../versioned-cache.js';
import type { StoreSearchQuery, StoreSearchResult } from '../../model/search-query.js';
import { createSearchEngine, withRecords } from './search.js';
import { persistCountsIn, prepareFirstStart } from './facets.js';
import { snapshotFileOf } from './facet-snapshot.js';
import { vocabularyReader, type VocabularyReader } from './vocabulary.js';
import { recordReads, type RecordReads } from './record-reads.js';

/** Where searches run: a pool of worker threads (search-pool.ts), or this thread when none is given. */
export type SearchRunner = (query: StoreSearchQuery) => Promise<StoreSearchResult>;
/** Where vocabulary ranges are read: the same pool, or this thread. */
export type VocabularyRunner = (prefix: string, limit: number) => Promise<VocabularyTerm[]>;
/** Where documents are read by id: the record reader's thread (record-reader.ts), or this one. */
export type DocsRunner = (ids: readonly string[]) => Promise<Map<string, string>>;

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
  return async (query) => withRecords(search(query));
}

/** The catalogue on SQLite: documents as JSON, with their facet values beside them and FTS5. */
export function createRecordStore(db: Database, search: SearchRunner, readVocabulary?: VocabularyRunner, readDocs?: DocsRunner): RecordStore {
  const snapshotFile = snapshotFileOf(db.name);
  const writes = createRecordWrites(db, snapshotFile, (followed) => prepareFirstStart(db, snapshotFile, followed));
  // Prepared on this connection only when no record reader is given (index.ts gives its own the same statements).
  let reads: RecordReads | null = null;
  const docs: DocsRunner = readDocs ?? (async (ids) => (reads ??= recordReads(db)).docs(ids));
  const count = db.prepare<[], number>('SELECT count(*) FROM records').pluck();
  let reader: VocabularyReader | null = null;
  const vocabulary: VocabularyRunner = readVocabulary ?? (async (prefix, limit) => (reader ??= vocabularyReader(db))(prefix, limit));
  // Ranges cost (vocabulary.ts), so they are kept per catalogue version: the same array each time, which
  // lets word forms and spelling corrections keep what they work out from it (catalogue/per-range.ts).
  const version = db.prepare<[], number>('SELECT version FROM catalogue_version').pluck();
  const vocabularyCache = new VersionedCache<Promise<VocabularyTerm[]>>(2_000);
  /**
   * The version as read once in this turn of the event loop, for every caller in it: the requests a
   * turn takes in (visitors' kept pages, each checked against the version) share one read, as if they
   * had come at the same instant. Each read is a read transaction, and its locks are system calls.
   * A write through this store (or a batch's commit or rollback) reads afresh.
   */
  let versionThisTurn: string | null = null;
  const currentVersion = (): string => {
    if (versionThisTurn === null) {
      versionThisTurn = String(version.get()!);
      setImmediate(() => {
        versionThisTurn = null;
      });
    }
    return versionThisTurn;
  };
  const written = <T>(result: T): T => {
    versionThisTurn = null;
    return result;
  };

  return {
    async upsertMany(records) {
      return written(writes.upsertMany(records));
    },
    async upsertRows(rows) {
      return written(writes.upsertRows(rows));
    },
    batchWriter: () => {
      const writer = writes.batchWriter();
      return writer && { ...writer, commit: () => written(writer.commit()), rollback: () => written(writer.rollback()) };
    },
    async get(id) {
      const doc = (await docs([id])).get(id);
      return doc === undefined ? null : (JSON.parse(doc) as CatalogueRecord);
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const found = await docs(ids);
      return ids.flatMap((id) => {
        const doc = found.get(id);
        return doc === undefined ? [] : [JSON.parse(doc) as CatalogueRecord];
      });
    },
    search,
    async vocabulary(prefix, limit) {
      if (!prefix) return [];
      const key = `${limit}:${prefix}`;
      return vocabularyCache.read(currentVersion(), key, () => vocabulary(prefix, limit).catch((error: unknown) => {
        vocabularyCache.forget(key);
        throw error;
      }));
    },
    async count() {
      return count.get()!;
    },
    async version() {
      return currentVersion();
    },
    async clear() {
      written(writes.clear());
    },
    bulkLoad: (work) => writes.bulkLoad(work),
  };
}
