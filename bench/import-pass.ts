import { readFileSync, rmSync } from 'node:fs';
import { openFile } from '../src/import/import-file.js';
import { importItems } from '../src/import/import-items.js';
import { openEmbeddedStore } from '../src/storage/embedded/index.js';
import { createBranchRegistry } from '../src/branches/branch-registry.js';
import { BRANCHES } from './vocabulary.js';
import type { RecordStore, UpsertCounts } from '../src/storage/store.js';

/** What one pass over a file measured; printed as JSON on stdout for bench/run.ts. */
export interface ImportPass {
  mode: 'parse' | 'import';
  format: string;
  records: number;
  rejected: number;
  seconds: number;
  recordsPerSecond: number;
  /** Peak resident memory of this process (VmHWM), in MB. */
  peakRssMb: number;
  /**
   * CPU seconds of the pass, all of the process's threads (user and system), and that over `seconds`:
   * how many cores the pass kept busy on average. At the machine's core count, only less work per
   * record makes the pass faster; below it, so does more overlap.
   */
  cpuSeconds: number;
  coresBusy: number;
  /** For an import, where its time went (seconds from the pass's start); absent for a parse. */
  phases?: ImportPhases;
}

/**
 * An import's time in three parts: until its first write began (the reading
 * thread starting, its code still cold, the first batch filling); its writes,
 * from the first one's start to the last one's end, at `writingRecordsPerSecond`;
 * and after them (the indexes a first load deferred, the facet snapshot, closing).
 */
export interface ImportPhases {
  firstWriteAt: number;
  lastWriteEndedAt: number;
  writingRecordsPerSecond: number;
  /** CPU seconds of the whole process from the first write's start to the last one's end, over that time. */
  writingCoresBusy: number;
}

type Writes = Pick<RecordStore, 'upsertMany' | 'upsertRows' | 'batchWriter'>;

/** The store's record writes timed: when the first began and the last ended. */
function timeWrites(records: Writes, started: bigint): { phases: () => ImportPhases } {
  const at = () => Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  let first = NaN;
  let last = NaN;
  let cpuAtFirst = NaN;
  let cpuAtLast = NaN;
  let written = 0;
  const before = () => {
    if (!Number.isNaN(first)) return;
    first = at();
    cpuAtFirst = cpu();
  };
  const after = (rows: number) => {
    last = at();
    cpuAtLast = cpu();
    written += rows;
  };
  const timed = <A extends unknown[]>(write: (rows: A) => Promise<UpsertCounts>) => async (rows: A) => {
    before();
    const counts = await write(rows);
    after(rows.length);
    return counts;
  };
  records.upsertMany = timed(records.upsertMany.bind(records));
  if (records.upsertRows) records.upsertRows = timed(records.upsertRows.bind(records));
  const { batchWriter } = records;
  if (batchWriter) {
    // A batch's parts are written as they come; its commit ends the write.
    records.batchWriter = () => {
      const writer = batchWriter.call(records);
      if (!writer) return undefined;
      return {
        write: (rows) => {
          before();
          const counts = writer.write(rows);
          written += rows.length;
          return counts;
        },
        commit: () => {
          writer.commit();
          after(0);
        },
        rollback: () => writer.rollback(),
      };
    };
  }
  return {
    phases: () => ({ firstWriteAt: first, lastWriteEndedAt: last, writingRecordsPerSecond: written / (last - first), writingCoresBusy: (cpuAtLast - cpuAtFirst) / (last - first) }),
  };
}

/** The kernel's high-water mark of this process's resident memory, which no sampling can miss. */
function peakRssMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D/g, '')) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

/**
 * The generated catalogue's branches, as a library's own registry names its
 * branches for its exports: without it, every copy would be filed under
 * "Other locations", and the mix's branch-filtered searches would find nothing.
 */
const BENCH_PLACES = {
  branches: createBranchRegistry([...BRANCHES, 'Online'].map((name) => ({ code: name, name, aliases: [] }))),
  unmapped: new Map<string, number>(),
};

/**
 * One pass, in its own process so peak memory is this pass's alone:
 * `parse <file>` reads and maps every record without storing it;
 * `import <file> <dataDir>` imports into a fresh embedded store there.
 */
async function main([mode, file, dataDir]: string[]): Promise<ImportPass> {
  if (!file || (mode !== 'parse' && mode !== 'import') || (mode === 'import' && !dataDir)) {
    throw new Error('usage: import-pass.ts parse <file> | import <file> <dataDir>');
  }
  // The last run's store goes before the clock starts: deleting a 1M store (1.5 GB) took 0.32 s, which is not importing.
  if (mode === 'import') rmSync(dataDir!, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const cpuAtStart = process.cpuUsage();
  // Parse-only reads on this thread, the fastest way to read alone; an import reads large files on a worker.
  const opened = await openFile(file, undefined, mode === 'parse' ? false : undefined);
  let records = 0;
  let rejected = 0;
  let phases: ImportPhases | undefined;
  if (mode === 'parse') {
    for await (const item of opened.items) {
      if (item.ok) records++;
      else rejected++;
    }
  } else {
    const store = await openEmbeddedStore({ dataDir: dataDir! });
    const writes = timeWrites(store.records, started);
    const counts = await importItems(opened.items, store, {}, undefined, BENCH_PLACES);
    await store.close();
    phases = writes.phases();
    records = counts.added + counts.updated + counts.unchanged;
    rejected = counts.rejected;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    mode, format: opened.format, records, rejected, seconds, recordsPerSecond: records / seconds, peakRssMb: peakRssMb(),
    cpuSeconds, coresBusy: cpuSeconds / seconds, ...(phases ? { phases } : {}),
  };
}

main(process.argv.slice(2)).then(
  (pass) => process.stdout.write(`${JSON.stringify(pass)}\n`),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
