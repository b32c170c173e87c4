import { rm } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import type { RouteDeps } from '../http/deps.js';
import type { ImportFormat } from '../storage/import-run-store.js';
import type { ImportRun } from '../storage/store.js';
import { siblingModule, startWorker } from '../workers/start-worker.js';
import type { ImportLogger } from './import-runner.js';

/** What the import thread is given: the store to open, the run, the uploaded file. */
export interface ImportJob {
  storeConfig: Pick<Config, 'DATA_DIR' | 'MONGODB_URL' | 'BRANCHES_FILE'>;
  run: Pick<ImportRun, 'id' | 'fileName'>;
  path: string;
  forced?: ImportFormat;
  /** The server clock minus the wall clock, so times the thread records read as the server's. */
  clockOffset: number;
}

/** What the import thread tells the server: a log line to write, or that it has ended. */
export type ImportThreadMessage =
  | { log: { level: keyof ImportLogger; fields: Record<string, unknown>; message: string } }
  | { ended: true };

type Deps = Pick<RouteDeps<'imports' | 'records'>, 'store' | 'clock' | 'logger' | 'config'>;

/** Import threads running now, each with the promise that settles when it has ended and been recorded. */
const running = new Map<Worker, Promise<void>>();

/**
 * On SIGTERM: tell every import thread to stop after the batch in hand (it
 * records its run as interrupted and removes its file), and wait for each.
 */
export async function stopImportThreads(): Promise<void> {
  for (const worker of running.keys()) worker.postMessage({ stop: true });
  await Promise.all(running.values());
}

/**
 * Run a claimed import on a worker thread with its own store connection
 * (import-worker.ts), so members' pages are served while a librarian imports.
 * Resolves when the thread has ended. Should the thread die before recording
 * the end of the run, the run is failed here, so it is never left "running".
 */
export function runImportOffThread(deps: Deps, run: Pick<ImportRun, 'id' | 'fileName'>, path: string, forced?: ImportFormat): Promise<void> {
  const worker = startWorker(siblingModule(import.meta.url, 'import-worker'), { workerData: importJob(deps, run, path, forced) });
  const done = watchImportThread(deps, worker, run, path).finally(() => running.delete(worker));
  running.set(worker, done);
  return done;
}

function importJob(deps: Deps, run: Pick<ImportRun, 'id' | 'fileName'>, path: string, forced?: ImportFormat): ImportJob {
  const { clock, config } = deps;
  return {
    storeConfig: { DATA_DIR: config.DATA_DIR, MONGODB_URL: config.MONGODB_URL, BRANCHES_FILE: config.BRANCHES_FILE }, run, path, clockOffset: clock() - Date.now(),
    ...(forced ? { forced } : {}),
  };
}

async function watchImportThread(deps: Deps, worker: Worker, run: Pick<ImportRun, 'id' | 'fileName'>, path: string): Promise<void> {
  const { store, clock, logger } = deps;
  let ended = false;
  let failure: unknown = null;
  worker.on('message', (message: ImportThreadMessage) => {
    if ('ended' in message) ended = true;
    else {
      const { level, fields, message: text } = message.log;
      logger[level](fields, text);
    }
  });
  worker.on('error', (err) => (failure = err));
  const code = await new Promise<number>((resolve) => worker.on('exit', resolve));
  if (ended) return;
  logger.error({ err: failure, code, run: run.id }, 'console import thread stopped before the end of its run');
  try {
    const now = clock();
    const current = await store.imports.get(run.id);
    if (current?.status === 'running') {
      await store.imports.finish(run.id, {
        status: 'failed', counts: current.counts, now,
        error: 'The import stopped because of a problem on the server; the details are in the server log.',
      });
    }
  } catch (err) {
    logger.error({ err, run: run.id }, 'console import end could not be recorded');
  } finally {
    await rm(path, { force: true });
  }
}
