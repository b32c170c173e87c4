import type { BranchRegistry } from '../branches/branch-registry.js';
import { DEMO_BRANCHES_PATH, loadBranchRegistry } from '../branches/branch-registry-file.js';
import type { Store } from '../storage/store.js';
import type { UnmappedLocations } from './assign-branches.js';
import { DEMO_CATALOGUE_PATH } from './demo.js';
import { detectFormat } from './detect-format.js';
import { importItems, type ImportObserver } from './import-items.js';
import { emptyCounts, type ImportCounts, type ImportFormat } from '../storage/import-run-store.js';
import { openFile } from './import-file.js';
import { resolveInputs } from './inputs.js';
import { createProgress } from './progress.js';
import { FORMAT_LABELS } from './readers.js';
import { describeProblem, RejectsReport, type Problem } from './rejects-report.js';
import { addCounts, formatSummary, formatUnmapped } from './summary.js';
import { UnreadableFileError } from './types.js';

/** What `npm run seed` was asked to do. */
export interface SeedOptions {
  /** File or folder; the demo catalogue when absent. */
  target?: string;
  format?: ImportFormat;
  replace?: boolean;
  rejectsPath?: string;
  /** The branch registry file (JSON) that turns location codes into branches; the demo's when absent. */
  branchesPath?: string;
}

type Out = NodeJS.WritableStream & { isTTY?: boolean };

/** Problems echoed to the terminal before pointing at the --rejects report. */
const SHOWN_PROBLEMS = 20;

/** Run a seed and return its exit code: 0 all imported, 1 some rejected, 2 a file could not be read at all. */
export async function runSeed(store: Pick<Store, 'records'>, options: SeedOptions, out: Out, err: Out): Promise<number> {
  const inputs = options.target ? await resolveInputs(options.target).catch(unreadable(err)) : { files: [DEMO_CATALOGUE_PATH], folder: false };
  if (!inputs) return 2;
  const files = inputs.folder && !options.format ? await catalogueFiles(inputs.files, out) : inputs.files;
  if (!files.length) return err.write(`Could not import: no file in ${options.target} is MARC21, MARCXML, CSV, JSON or NDJSON\n`), 2;
  const format = options.target ? options.format : (options.format ?? 'json');
  if (options.replace && !(await provesReadable(files, format, err))) {
    err.write('Nothing was changed: --replace empties the catalogue only once every file has proved readable.\n');
    return 2;
  }
  const registryPath = options.branchesPath ?? DEMO_BRANCHES_PATH;
  let branches: BranchRegistry;
  try {
    branches = await loadBranchRegistry(registryPath);
  } catch (error) {
    return err.write(`Could not read the branch registry: ${(error as Error).message}\n`), 2;
  }
  const report = options.rejectsPath ? await RejectsReport.open(options.rejectsPath) : undefined;
  let shown = 0;
  const onProblem: ImportObserver['onProblem'] = (p) => {
    const problem: Problem = 'kind' in p ? { kind: 'warning', position: p.position, reason: p.message, ...(p.id ? { id: p.id } : {}) } : { kind: 'rejected', position: p.position, reason: p.reason, ...(p.id ? { id: p.id } : {}) };
    report?.write(problem);
    if (shown++ < SHOWN_PROBLEMS) err.write(`${describeProblem(problem)}\n`);
  };
  if (options.replace) await store.records.clear();
  const total = emptyCounts();
  const started = Date.now();
  let exit = 0;
  for (const file of files) {
    const fileStarted = Date.now();
    const counts = emptyCounts();
    const unmapped: UnmappedLocations = new Map();
    try {
      const opened = await openFile(file, format);
      const progress = createProgress(out, file, opened.size);
      await importItems(opened.items, store, { onProblem, onBatch: (c) => progress.update(c, opened.bytesRead()) }, counts, { branches, unmapped }).finally(() => progress.stop());
      out.write(`${formatSummary(`${file} (${FORMAT_LABELS[opened.format]})`, counts, (Date.now() - fileStarted) / 1000)}\n`);
      if (unmapped.size) out.write(`${formatUnmapped(unmapped, registryPath)}\n`);
      if (counts.rejected) exit = Math.max(exit, 1);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      err.write(`Could not import ${file}: ${error.message}\n`);
      exit = 2;
    }
    addCounts(total, counts);
  }
  if (files.length > 1) out.write(`${formatSummary(`All ${files.length} files`, total, (Date.now() - started) / 1000)}\n`);
  if (shown > SHOWN_PROBLEMS) err.write(`... and ${shown - SHOWN_PROBLEMS} more problems${report ? ` in ${options.rejectsPath}` : '; write them all to a file with --rejects <file>'}.\n`);
  await report?.close();
  return exit;
}

/** A parse-only pass over every file: true when each has at least one good record and none is unreadable. */
async function provesReadable(files: string[], format: ImportFormat | undefined, err: Out): Promise<boolean> {
  for (const file of files) {
    try {
      const opened = await openFile(file, format);
      for await (const item of opened.items) void item;
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      err.write(`Could not import ${file}: ${error.message}\n`);
      return false;
    }
  }
  return true;
}

/** In a folder, files in no format we read (a README, a checksum list) are skipped, not failed. */
async function catalogueFiles(files: string[], out: Out): Promise<string[]> {
  const kept: string[] = [];
  for (const file of files) {
    if (await detectFormat(file).catch(() => null)) kept.push(file);
    else out.write(`Skipped ${file}: not MARC21, MARCXML, CSV, JSON or NDJSON\n`);
  }
  return kept;
}

function unreadable(err: Out) {
  return (error: unknown): undefined => {
    if (!(error instanceof UnreadableFileError)) throw error;
    err.write(`Could not import: ${error.message}\n`);
    return undefined;
  };
}

export type { ImportCounts };
