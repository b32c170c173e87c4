/**
 * Import benchmark: for N = 10k and 100k synthetic MARC21 records (and 1M
 * with --full), import into a fresh embedded store and parse only, each in a
 * fresh process, and print records/s, peak RSS and import ÷ parse speed.
 *   npx tsx bench/import.ts [--full] [--sizes 10000,50000]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateMarcFile } from './generate-marc.js';
import type { ImportPass } from './import-pass.js';

const PASS = fileURLToPath(new URL('./import-pass.ts', import.meta.url));

type Run = Pick<ImportPass, 'records' | 'seconds' | 'recordsPerSecond' | 'peakRssMb'>;

/** One size: what importing and parsing N records cost. Reusable by `npm run bench`. */
export interface ImportBenchResult {
  n: number;
  fileMb: number;
  import: Run;
  parse: Run;
  /** import records/s ÷ parse-only records/s: how much storage costs on top of reading. */
  ratio: number;
}

/** One pass in a fresh process (bench/import-pass.ts), so its peak memory is its own. */
async function measure(file: string, mode: 'parse' | 'import', dataDir: string): Promise<Run> {
  const args = mode === 'parse' ? [PASS, 'parse', file] : [PASS, 'import', file, dataDir];
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', ...args], { maxBuffer: 1 << 20 });
  const pass = JSON.parse(stdout.trim().split('\n').at(-1)!) as ImportPass;
  return { ...pass, recordsPerSecond: Math.round(pass.recordsPerSecond), peakRssMb: Math.round(pass.peakRssMb) };
}

/** Generate N records to a temp file, import them into a fresh store, then parse them only. */
export async function benchImport(n: number): Promise<ImportBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shelfmark-bench-import-'));
  try {
    const file = path.join(dir, `synthetic-${n}.mrc`);
    const bytes = await generateMarcFile(file, n);
    const imported = await measure(file, 'import', path.join(dir, 'store'));
    const parsed = await measure(file, 'parse', dir);
    return { n, fileMb: Math.round(bytes / 1e5) / 10, import: imported, parse: parsed, ratio: Math.round((100 * imported.recordsPerSecond) / parsed.recordsPerSecond) / 100 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizesArg = args[args.indexOf('--sizes') + 1];
  const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [10_000, 100_000, ...(args.includes('--full') ? [1_000_000] : [])];
  console.log(`Import benchmark: MARC21 into the embedded store, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log('| records | file MB | import rec/s | import peak RSS MB | parse-only rec/s | parse peak RSS MB | import ÷ parse |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const r = await benchImport(n);
    console.log(`| ${n.toLocaleString('en-GB')} | ${r.fileMb} | ${r.import.recordsPerSecond.toLocaleString('en-GB')} | ${r.import.peakRssMb} | ${r.parse.recordsPerSecond.toLocaleString('en-GB')} | ${r.parse.peakRssMb} | ${r.ratio} |`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
