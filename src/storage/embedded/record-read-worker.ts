import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { recordReads } from './record-reads.js';

/**
 * The record reader (record-reader.ts): its own read-only connection, answering
 * reads of documents by id in the order asked. At the serving thread's priority,
 * not lowered as the search workers are: record pages and basket adds wait for it.
 */
const { file } = workerData as { file: string };
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
const reads = recordReads(db);
const port = parentPort!;
port.postMessage({ ready: true });
port.on('message', ({ id, ids }: { id: number; ids: string[] }) => {
  try {
    port.postMessage({ id, docs: [...reads.docs(ids)] });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
