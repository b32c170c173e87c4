import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstPage, rssMb, runScript, spawnScript, stop } from './child-process.js';
import type { GeneratedCatalogue } from './generate.js';
import type { LoadPlan, LoadResult } from './load.js';

const LOAD = path.join(import.meta.dirname, 'load.ts');
const SERVER = path.join(import.meta.dirname, '..', 'src', 'server.ts');
const BARE_KOA = path.join(import.meta.dirname, 'bare-koa.ts');

export type Page = 'search' | 'record' | 'basket';
export interface Timing { duration: number; warmup: number }
/** Results per connection count ("10", "50"). */
export type ByConnections = Record<string, LoadResult>;

/** Load one target at each connection count, one after the other, from a separate process. */
async function loadAt(connections: number[], plan: Omit<LoadPlan, 'connections'>): Promise<ByConnections> {
  const out: ByConnections = {};
  // In a file: 100k record paths are more than one command-line argument may hold.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shelfmark-load-'));
  try {
    for (const c of connections) {
      const file = path.join(dir, `plan-${c}.json`);
      writeFileSync(file, JSON.stringify({ ...plan, connections: c }));
      out[c] = await runScript<LoadResult>(LOAD, [file]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The ceiling: bare koa answering a fixed string, in its own process, alone on the machine. */
export async function measureBareKoa(port: number, connections: number[], timing: Timing): Promise<ByConnections> {
  const child = spawnScript(BARE_KOA, [String(port)]);
  try {
    await firstPage(`http://127.0.0.1:${port}/`, performance.now(), child);
    return await loadAt(connections, { url: `http://127.0.0.1:${port}`, paths: ['/'], ...timing });
  } finally {
    await stop(child);
  }
}

export interface StartUp { firstPageMs: number; idleRssMb: number }
export interface ServedRun { startup: StartUp; pages: Record<Page, ByConnections>; preflight: Preflight; rssAfterLoadMb: number }
export interface Preflight { queries: number; noResults: number; failures: string[]; sequentialMs: number }

/** Fetch every search of the mix once: all must answer 200, and about 10% must find nothing. */
async function preflight(url: string, catalogue: GeneratedCatalogue): Promise<Preflight> {
  const started = performance.now();
  const result: Preflight = { queries: catalogue.queries.length, noResults: 0, failures: [], sequentialMs: 0 };
  for (const q of catalogue.queries) {
    const response = await fetch(url + q.path);
    const body = await response.text();
    if (response.status !== 200) result.failures.push(`${q.path}: HTTP ${response.status}`);
    if (body.includes('There are no results that match your search criteria')) result.noResults++;
  }
  result.sequentialMs = (performance.now() - started) / catalogue.queries.length;
  return result;
}

/** Start Shelfmark on an imported store, time its first page, then load each page at each connection count. */
export async function measureShelfmark(dataDir: string, port: number, catalogue: GeneratedCatalogue, connections: number[], timing: Timing): Promise<ServedRun> {
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawnScript(SERVER, [], {
    PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn',
    // Above the default 250 so a long run never fills a basket: every add must land.
    BASKET_LIMIT: '10000',
  });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[shelfmark] ${d.toString()}`));
  try {
    const firstPageMs = await firstPage(`${url}/`, started, child);
    await new Promise((r) => setTimeout(r, 2000));
    const startup = { firstPageMs, idleRssMb: rssMb(child.pid!) };
    const checked = await preflight(url, catalogue);
    const ids = Array.from({ length: Math.min(catalogue.count, 50_000) }, (_, k) => catalogue.idOf(k * 7 + 3));
    const pages = {
      search: await loadAt(connections, { url, paths: catalogue.queries.map((q) => q.path), ...timing }),
      record: await loadAt(connections, { url, paths: ids.map((id) => `/record/${id}`), ...timing }),
      basket: await loadAt(connections, { url, basketIds: ids, ...timing }),
    };
    return { startup, pages, preflight: checked, rssAfterLoadMb: rssMb(child.pid!) };
  } finally {
    await stop(child);
  }
}
