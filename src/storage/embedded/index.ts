import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { siblingModule, startWorker } from '../../workers/start-worker.js';
import type { Store } from '../store.js';
import { createBasketStore } from './baskets.js';
import { createRecordStore, searchOnThisThread, type SearchRunner } from './records.js';
import { createSearchPool } from './search-pool.js';
import { createRecordReader } from './record-reader.js';
import { recordReads } from './record-reads.js';
import { persistCountsIn } from './facets.js';
import { buildDeferredIndexes, configure, migrate } from './schema.js';
import { createSessionStore } from './sessions.js';
import { createMemberStore } from './members.js';
import { createLoginAttemptStore } from './login-attempts.js';
import { createReservationStore } from './reservations.js';
import { createLoanStore } from './loans.js';
import { createAuditStore } from './audit.js';
import { createSearchLogStore } from './search-log.js';
import { createVisitStore } from './visits.js';
import { createListStore } from './lists.js';
import { createImportRunStore } from './import-runs.js';
import { createSendLimitStore } from './send-limits.js';

/**
 * Where the embedded store lives: a data directory (the file is shelfmark.db in it), or memory for throwaway use.
 * With `searchWorkers` > 0 (a data directory only), searches run on that many worker threads, each stopped
 * after `searchBudgetMs` (default 10 s); without, on the calling thread.
 */
export type EmbeddedStoreOptions = ({ dataDir: string } | { file: ':memory:' }) & { searchWorkers?: number; searchBudgetMs?: number };

/**
 * Searches go to the pool. Until its first worker has started, a plain browse
 * (no words, no filters: the home page, pickup branches, the console's counts)
 * is answered here instead when whole-catalogue counts are persisted for this
 * catalogue version: it then reads them and one page of an index, so a fresh
 * start serves its first page without waiting for a worker to load. Counting
 * them afresh (after an import by another process: seconds at a million
 * records) is left to a worker, never done on the serving thread.
 */
function searchOnPool(pool: ReturnType<typeof createSearchPool>, db: Database.Database): SearchRunner {
  let here: SearchRunner | null = null;
  const counted = db.prepare<[], number>(
    "SELECT count(*) FROM facet_counts WHERE version = (SELECT generation || ':' || version FROM catalogue_version)",
  ).pluck();
  return (query) => {
    if (pool.started() || query.clauses.length > 0 || query.filters.length > 0 || counted.get() === 0) return pool.search(query);
    here ??= searchOnThisThread(db);
    return here(query);
  };
}

/**
 * SQLite copies the write-ahead log back into the database file (a
 * checkpoint) on the connection whose commit takes the log past 1,000 pages:
 * with sessions and baskets written by the serving thread, that thread, for
 * 20-50 ms each time on this machine (130 ms for 6,000 pages). With workers,
 * a background thread does it once a second instead; should it fail, the
 * serving connection takes it back.
 */
function checkpointOffThisThread(db: Database.Database, file: string): Worker {
  db.pragma('wal_autocheckpoint = 0');
  const worker = startWorker(siblingModule(import.meta.url, 'checkpoint-worker'), { workerData: { file, everyMs: CHECKPOINT_EVERY_MS } });
  const takeBack = () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', takeBack);
  worker.on('error', takeBack);
  worker.unref();
  return worker;
}
const CHECKPOINT_EVERY_MS = 1_000;

/** Opens (creating if needed) the SQLite store and brings its schema up to date. */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<Store> {
  let file: string = ':memory:';
  if ('dataDir' in options) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, 'shelfmark.db');
  }
  const db = new Database(file);
  try {
    configure(db);
    migrate(db);
    // A bulk load that was killed leaves its indexes dropped: the next open builds them.
    buildDeferredIndexes(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const ping = db.prepare('SELECT 1').pluck();
  const workers = file === ':memory:' ? 0 : Math.max(0, Math.trunc(options.searchWorkers ?? 0));
  const pool = workers > 0
    ? createSearchPool({ file, workers, budgetMs: options.searchBudgetMs ?? 10_000, persist: persistCountsIn(db) })
    : null;
  const checkpoints = workers > 0 ? checkpointOffThisThread(db, file) : null;
  // With search workers, record documents are read off the serving thread too (record-reader.ts).
  const reader = workers > 0 ? createRecordReader(file, recordReads(db)) : null;

  return {
    kind: 'embedded',
    records: pool
      ? createRecordStore(db, searchOnPool(pool, db), (prefix, limit) => pool.vocabulary(prefix, limit), (ids) => reader!.docs(ids))
      : createRecordStore(db, searchOnThisThread(db)),
    sessions: createSessionStore(db),
    baskets: createBasketStore(db),
    members: createMemberStore(db),
    loginAttempts: createLoginAttemptStore(db),
    reservations: createReservationStore(db),
    loans: createLoanStore(db),
    audit: createAuditStore(db),
    searchLog: createSearchLogStore(db),
    visits: createVisitStore(db),
    lists: createListStore(db),
    imports: createImportRunStore(db),
    sendLimits: createSendLimitStore(db),
    async ping() {
      ping.get();
    },
    async close() {
      if (!db.open) return;
      await pool?.close();
      await reader?.close();
      await checkpoints?.terminate();
      // Lets SQLite refresh planner statistics for the tables this connection used.
      db.pragma('optimize');
      db.close();
    },
  };
}
