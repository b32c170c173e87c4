import { rm } from 'node:fs/promises';
import type { RouteDeps } from '../http/deps.js';
import { branchRegistryPath, loadBranchRegistry, OTHER_LOCATIONS } from '../branches/branch-registry.js';
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

type Deps = Pick<RouteDeps, 'store' | 'clock' | 'logger' | 'config'>;

/**
 * Runs one claimed import in this process, through the same reader and
 * importer as `npm run seed`, writing progress and the rejects report to the
 * store so any instance can show them. Never throws: every ending, good or
 * bad, is recorded on the run, and the temporary file is removed.
 */
export async function runImport(deps: Deps, run: Pick<ImportRun, 'id' | 'fileName'>, path: string, forced?: ImportFormat): Promise<void> {
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
    onBatch: () => void flush(false).catch((err: unknown) => logger.warn({ err, run: run.id }, 'import progress not saved')),
  };

  let error: string | null = null;
  try {
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
    error = err instanceof UnreadableFileError ? err.message.split(path).join(run.fileName) : 'The import stopped because of a problem on the server; the details are in the server log.';
    if (!(err instanceof UnreadableFileError)) logger.error({ err, run: run.id }, 'console import failed');
  }
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
