import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { StoreSearchQuery } from '../../catalogue/search-query.js';
import { createSearchEngine } from './search.js';

/**
 * One search worker: its own read-only connection to the store file (WAL lets
 * it read while the serving thread writes), answering one search at a time.
 * Whole-catalogue facet counts it had to count go back to the pool to be
 * persisted, since this connection cannot write.
 */
const { file } = workerData as { file: string };
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('temp_store = MEMORY');
db.pragma('cache_size = -65536');
const port = parentPort!;
// The budget is for searching: the pool stops counting while this worker reads the whole facets table.
const search = createSearchEngine(
  db,
  (version, counts) => port.postMessage({ persist: { version, counts } }),
  (building) => port.postMessage({ building }),
);

port.postMessage({ ready: true });
port.on('message', (message: { id: number; query: StoreSearchQuery }) => {
  try {
    port.postMessage({ id: message.id, result: search(message.query) });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
