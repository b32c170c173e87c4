import { rm } from 'node:fs/promises';
import type { RouteDeps } from '../http/deps.js';
import { OTHER_LOCATIONS } from '../branches/branch-registry.js';
import { branchRegistryPath, loadBranchRegistry } from '../branches/branch-registry-file.js';
import type { UnmappedLocations } from '../import/assign-branches.js';
import { importItems, type ImportObserver } from '../import/import-items.js';
import { openFile } from '../import/import-file.js';
import { UnreadableFileError } from '../import/types.js';
import { emptyCounts, type ImportFormat } from '../storage/import-run-store.js';
import type { ImportProblem, ImportRun } from '../storage/store.js';

/** Report lines kept per run; past this the summary still counts every problem. */
export const MAX_PROBLEMS_KEPT = 50_000;
/** Progress is written to the store at most this often (it is also the run's sign of life). */
const PROGRESS_EVERY_MS = 500;
/** A running import writes a sign of life this often, even in the middle of a long batch. */
export const HEARTBEAT_MS = 5_000;
/** A running run silent for this long (six missed heartbeats) belongs to a process that died. */
export const STALE_AFTER_MS = 30_000;

const INTERRUPTED = 'The import was interrupted because the server was stopped. The records of finished batches are in the catalogue; upload the file again to complete it (those records count as unchanged).';

/** Thrown between batches once the server is stopping. */
class Interrupted extends Error {}

/** Imports running in this process, so a stopping server can end them at a batch boundary and wait. */
const active = new Map<string, { stop: () => void; done: Promise<void> }>();

/**
 * On SIGTERM: ask every running import to stop after the batch in hand
 * (batches are committed whole), and wait until each has recorded itself as
 * interrupted and removed its file.
 */
export async function stopConsoleImports(): Promise<void> {
  for (const run of active.values()) run.stop();
  await Promise.all([...active.values()].map((run) => run.done));
}

/** The three log calls an import makes; the server's pino logger, or the import thread's relay to it. */
export type ImportLogger = Record<'info' | 'warn' | 'error', (fields: object, message: string) => void>;
type Deps = Pick<RouteDeps<'imports' | 'records'>, 'store' | 'clock'> & { logger: ImportLogger; config: Pick<RouteDeps['config'], 'DATA_DIR' | 'BRANCHES_FILE'> };

/**
 * Runs one claimed import where it is called (the console calls it on its own
 * thread, see import-thread.ts), through the same reader and
 * importer as `npm run seed`, writing progress and the rejects report to the
 * store so any instance can show them. Never throws: every ending, good or
 * bad, is recorded on the run, and the temporary file is removed.
 */
export function runImport(deps: Deps, run: Pick<ImportRun, 'id' | 'fileName'>, path: string, forced?: ImportFormat): Promise<void> {
  let stopping = false;
  const done = importRun(deps, run, path, () => stopping, forced).finally(() => active.delete(run.id));
  active.set(run.id, { stop: () => { stopping = true; }, done });
  return done;
}

async function importRun(deps: Deps, run: Pick<ImportRun, 'id' | 'fileName'>, path: string, stopping: () => boolean, forced?: ImportFormat): Promise<void> {
  const { store, clock, logger } = deps;
  const counts = emptyCounts();
  let format: ImportFormat | null = null;
  let bytesRead = () => 0;
  let pending: ImportProblem[] = [];
  let seq = 0;
  let lastWrite = -Infinity;

  const flush = async (force: boolean) => {
    if (!force && clock() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = clock();
    const lines = pending;
    pending = [];
    await store.imports.addProblems(run.id, lines);
    await store.imports.progress(run.id, { counts, bytesRead: bytesRead(), format, now: clock() });
  };
  const observer: ImportObserver = {
    onProblem(p) {
      if (++seq > MAX_PROBLEMS_KEPT) return;
      pending.push('kind' in p
        ? { seq, kind: 'warning', recordNumber: p.position.recordNumber, ...where(p.position), ...(p.id ? { recordId: p.id } : {}), reason: p.message }
        : { seq, kind: 'rejected', recordNumber: p.position.recordNumber, ...where(p.position), ...(p.id ? { recordId: p.id } : {}), reason: p.reason });
    },
    // Awaited by nothing: the importer's batches pace the writes, and a failed write only delays the display.
    onBatch: () => {
      if (stopping()) throw new Interrupted();
      void flush(false).catch((err: unknown) => logger.warn({ err, run: run.id }, 'import progress not saved'));
    },
  };
  const heartbeat = setInterval(() => {
    store.imports.progress(run.id, { counts, bytesRead: bytesRead(), format, now: clock() })
      .catch((err: unknown) => logger.warn({ err, run: run.id }, 'import heartbeat not saved'));
  }, HEARTBEAT_MS);
  heartbeat.unref();

  let error: string | null = null;
  try {
    if (stopping()) throw new Interrupted();
    const branches = await loadBranchRegistry(branchRegistryPath(deps.config)).catch((e: Error) => Promise.reject(new UnreadableFileError(`the branch registry could not be read: ${e.message}`)));
    const unmapped: UnmappedLocations = new Map();
    const opened = await openFile(path, forced);
    format = opened.format;
    bytesRead = opened.bytesRead;
    await importItems(opened.items, store, observer, counts, { branches, unmapped });
    // The console lists each location the registry did not know as one warning line of the report.
    for (const [location, copies] of unmapped) {
      counts.warnings++;
      observer.onProblem?.({ kind: 'warning', position: { file: run.fileName, recordNumber: 0 }, message: `location "${location}" is not in the branch registry: ${copies} ${copies === 1 ? 'copy is' : 'copies are'} kept under "${OTHER_LOCATIONS}"` });
    }
  } catch (err) {
    // The importer names the file it read: the temporary path means nothing to the librarian.
    error = err instanceof Interrupted ? INTERRUPTED : err instanceof UnreadableFileError ? err.message.split(path).join(run.fileName) : 'The import stopped because of a problem on the server; the details are in the server log.';
    if (err instanceof Interrupted) logger.warn({ run: run.id, ...counts }, 'console import interrupted by shutdown');
    else if (!(err instanceof UnreadableFileError)) logger.error({ err, run: run.id }, 'console import failed');
  }
  clearInterval(heartbeat);
  try {
    await flush(true);
    await store.imports.finish(run.id, { status: error ? 'failed' : 'finished', counts, error, now: clock() });
    logger.info({ run: run.id, file: run.fileName, ...counts, error }, 'console import ended');
  } catch (err) {
    logger.error({ err, run: run.id }, 'console import end could not be recorded');
  } finally {
    await rm(path, { force: true });
  }
}

function where(p: { byteOffset?: number; line?: number }): Pick<ImportProblem, 'byteOffset' | 'line'> {
  return { ...(p.byteOffset !== undefined ? { byteOffset: p.byteOffset } : {}), ...(p.line !== undefined ? { line: p.line } : {}) };
}
