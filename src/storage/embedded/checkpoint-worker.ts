import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { yieldToServingThread } from '../../workers/lower-priority.js';

/**
 * Copies the write-ahead log back into the database file (a PASSIVE
 * checkpoint: it never waits for, or holds up, a reader or a writer) every
 * `everyMs`, on its own connection, so the serving thread never does it.
 */
const { file, everyMs } = workerData as { file: string; everyMs: number };
yieldToServingThread();
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    clearInterval(timer);
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}, everyMs);
