import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { StoreSearchQuery } from '../../model/search-query.js';
import { createSearchEngine } from './search.js';
import { snapshotFileOf } from './facet-snapshot.js';
import { vocabularyReader, type VocabularyReader } from './vocabulary.js';
import { yieldToServingThread } from '../../workers/lower-priority.js';

/**
 * One search worker: its own read-only connection to the store file (WAL lets
 * it read while the serving thread writes), answering one search at a time.
 * Whole-catalogue facet counts it had to count go back to the pool to be
 * persisted, since this connection cannot write.
 */
const { file, lock } = workerData as { file: string; lock?: Int32Array };

// Searches yield to the serving thread (nice 10), so pages that need no search are served first.
yieldToServingThread();
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('temp_store = MEMORY');
db.pragma('cache_size = -65536');
const port = parentPort!;
// The budget is for searching: the pool stops counting while this worker loads the whole facet index
// (or waits for another worker to build it: `lock` lets one build while the others wait for its snapshot).
const search = createSearchEngine(
  db,
  (version, counts) => port.postMessage({ persist: { version, counts } }),
  { onRebuild: (building) => port.postMessage({ building }), snapshotFile: snapshotFileOf(file), lock },
);

port.postMessage({ ready: true });
let vocabulary: VocabularyReader | null = null;
port.on('message', (message: { id: number; query?: StoreSearchQuery; vocabulary?: [string, number]; warm?: true }) => {
  try {
    if (message.warm) {
      search.warm();
      port.postMessage({ id: message.id, result: null });
      return;
    }
    if (message.vocabulary) {
      vocabulary ??= vocabularyReader(db);
      port.postMessage({ id: message.id, result: vocabulary(...message.vocabulary) });
      return;
    }
    port.postMessage({ id: message.id, result: search(message.query!) });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
