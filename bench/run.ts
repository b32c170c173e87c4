import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCatalogue } from './generate.js';
import { runScript } from './child-process.js';
import type { ImportPass } from './import-pass.js';
import { measureBareKoa, measureShelfmark, measureUncached, PAGE_BYTES, type ByConnections, type ServedRun, type Timing, type UncachedRun } from './measure-pages.js';
import { checkBaskets, type BasketCheck } from './basket-check.js';
import { markdownReport } from './report.js';

const BENCH = import.meta.dirname;
const IMPORT_PASS = path.join(BENCH, 'import-pass.ts');
const CONNECTIONS = [10, 50];

/** Everything one `npm run bench` measured; written to bench/results/ as JSON. */
export interface BenchResults {
  machine: { cores: number; cpu: string; memoryGb: number; node: string; date: string; loadAverage: { start: number; end?: number } };
  settings: { sizes: number[]; timing: Timing; connections: number[]; note: string };
  bareKoa: ByConnections;
  /** Bare koa sending a page the size of a results page (PAGE_BYTES); absent in older runs. */
  bareKoaPage?: ByConnections;
  sizes: SizeResult[];
}
export interface SizeResult {
  count: number;
  generateSeconds: number;
  /** Absent when --reuse-stores found the stores already imported (the figures then come from the run that imported them). */
  imports?: { marc21: { parse: ImportPass; import: ImportPass }; json: { parse: ImportPass; import: ImportPass } };
  served: ServedRun;
  basketCheck: BasketCheck;
  /** Absent in runs from before the page cache. */
  uncached?: UncachedRun;
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

async function measureSize(count: number, timing: Timing, port: number, reuseStores: boolean): Promise<SizeResult> {
  const dir = path.join(BENCH, 'data', String(count));
  let started = performance.now();
  const catalogue = await generateCatalogue(dir, count);
  const generateSeconds = (performance.now() - started) / 1000;
  log(`N=${count}: catalogue ready (${generateSeconds.toFixed(1)} s); importing`);
  const pass = (mode: string, file: string, store?: string) => runScript<ImportPass>(IMPORT_PASS, [mode, file, ...(store ? [store] : [])]);
  const marcStore = path.join(dir, 'store-marc');
  const reuse = reuseStores && existsSync(path.join(marcStore, 'shelfmark.db'));
  const imports = reuse ? undefined : {
    marc21: { parse: await pass('parse', catalogue.marcPath), import: await pass('import', catalogue.marcPath, marcStore) },
    json: { parse: await pass('parse', catalogue.ndjsonPath), import: await pass('import', catalogue.ndjsonPath, path.join(dir, 'store-json')) },
  };
  const phases = imports?.marc21.import.phases;
  const cores = imports ? `, ${imports.marc21.import.coresBusy.toFixed(2)} cores busy` : '';
  const writes = phases ? ` (first write at ${phases.firstWriteAt.toFixed(2)} s, then ${Math.round(phases.writingRecordsPerSecond)} records/s${cores})` : '';
  log(`N=${count}: ${imports ? `MARC21 ${Math.round(imports.marc21.import.recordsPerSecond)} records/s${writes}` : 'store reused, imports not measured'}; serving`);
  started = performance.now();
  const served = await measureShelfmark(marcStore, port, catalogue, CONNECTIONS, timing);
  const basketCheck = await checkBaskets(marcStore, served.pages.basket);
  log(`N=${count}: pages measured in ${((performance.now() - started) / 1000).toFixed(0)} s; ${basketCheck.lost} adds lost; searches again with PAGE_CACHE_MB=0`);
  const uncached = await measureUncached(marcStore, port, catalogue, CONNECTIONS, timing);
  return { count, generateSeconds, imports, served, basketCheck, uncached };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, full: { type: 'boolean' }, sizes: { type: 'string' }, port: { type: 'string' }, 'reuse-stores': { type: 'boolean' } } });
  // Shelfmark listens on --port (3901), bare koa on the next one, the event-loop probe 100 above.
  const port = Number(values.port ?? 3901);
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [2_000] : values.full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
  const timing: Timing = values.quick ? { duration: 2, warmup: 1 } : { duration: 10, warmup: 2 };
  const results: BenchResults = {
    machine: {
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      date: new Date().toISOString(),
      // Other processes on the machine show here: the figures below are only as quiet as the machine was.
      loadAverage: { start: os.loadavg()[0]! },
    },
    settings: {
      sizes, timing, connections: CONNECTIONS,
      note: 'autocannon runs in its own process on the same machine, so the load generator takes CPU from the server it measures; the server, bare koa and each import run one at a time. Shelfmark is served from its build (dist/, plain node), as npm run start:prod serves it.',
    },
    bareKoa: {},
    sizes: [],
  };
  log('building dist/ (the server is measured as npm run start:prod runs it)');
  execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  log(`bare koa ceiling at ${CONNECTIONS.join(' and ')} connections`);
  results.bareKoa = await measureBareKoa(port + 1, CONNECTIONS, timing);
  results.bareKoaPage = await measureBareKoa(port + 1, CONNECTIONS, timing, PAGE_BYTES);
  const outDir = path.join(BENCH, 'results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${results.machine.date.replace(/[:.]/g, '-')}.json`);
  // Written after every size, so a run cut short keeps the sizes it finished.
  for (const count of sizes) {
    results.sizes.push(await measureSize(count, timing, port, values['reuse-stores'] ?? false));
    results.machine.loadAverage.end = os.loadavg()[0]!;
    writeFileSync(file, JSON.stringify(results, null, 1));
  }
  process.stdout.write(`${markdownReport(results)}\nJSON: ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
