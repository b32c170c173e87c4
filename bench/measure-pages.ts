import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstPage, rssMb, runScript, spawnScript, stop } from './child-process.js';
import type { GeneratedCatalogue } from './generate.js';
import type { LoadPlan, LoadResult } from './load.js';
import { readLoopDelay, resetLoopDelay, type LoopDelay } from './loop-delay.js';

const LOAD = path.join(import.meta.dirname, 'load.ts');
const SERVER = path.join(import.meta.dirname, 'monitored-server.mjs');
const BARE_KOA = path.join(import.meta.dirname, 'bare-koa.ts');

export type Page = 'search' | 'record' | 'basket';
export interface Timing { duration: number; warmup: number }
/** A load's figures, with the served process's event-loop delay over it when it was watched. */
export type MeasuredLoad = LoadResult & { loop?: LoopDelay };
/** Results per connection count ("10", "50"). */
export type ByConnections = Record<string, MeasuredLoad>;

/** Load one target at each connection count, one after the other, from a separate process. */
async function loadAt(connections: number[], plan: Omit<LoadPlan, 'connections'>, loopUrl?: string): Promise<ByConnections> {
  const out: ByConnections = {};
  // In a file: 100k record paths are more than one command-line argument may hold.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shelfmark-load-'));
  try {
    for (const c of connections) {
      const file = path.join(dir, `plan-${c}.json`);
      writeFileSync(file, JSON.stringify({ ...plan, connections: c }));
      if (loopUrl) await resetLoopDelay(loopUrl);
      const result: MeasuredLoad = await runScript<LoadResult>(LOAD, [file]);
      if (loopUrl) result.loop = await readLoopDelay(loopUrl);
      out[c] = result;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** About the size of a results page of the bench's catalogues (38.8 KB for `history` at 100k). */
export const PAGE_BYTES = 40_000;

/** The ceiling: bare koa answering a fixed string (or `bytes` of HTML), in its own process, alone on the machine. */
export async function measureBareKoa(port: number, connections: number[], timing: Timing, bytes = 0): Promise<ByConnections> {
  const child = spawnScript(BARE_KOA, [String(port), String(bytes)]);
  try {
    await firstPage(`http://127.0.0.1:${port}/`, performance.now(), child);
    return await loadAt(connections, { url: `http://127.0.0.1:${port}`, paths: ['/'], ...timing });
  } finally {
    await stop(child);
  }
}

export interface StartUp { firstPageMs: number; idleRssMb: number }
/** Record pages measured while other connections search: does one member's search hold up another's page? */
export interface MixedLoad { searchConnections: number; record: MeasuredLoad; search: LoadResult; loop: LoopDelay }
/** The catalogue's most frequent word, alone and with a facet: one request at a time, first asked and asked again. */
export interface BroadQuery { label: string; path: string; total: number; firstMs: number; againMs: number }
export interface ServedRun {
  startup: StartUp; pages: Record<Page, ByConnections>; preflight: Preflight; rssAfterLoadMb: number;
  mixed?: MixedLoad; broad?: BroadQuery[];
}
/**
 * The same store served with PAGE_CACHE_MB=0: every search page worked out and
 * rendered afresh, as for members with a visit. As with pages kept, the mix
 * is asked once before it is measured (a search nobody made before is what
 * the broad-query rows' "first asked" measure).
 */
export interface UncachedRun { search: ByConnections; mixed: MixedLoad; broad: BroadQuery[] }
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

const MIXED_SEARCHERS = 40;
const MIXED_READERS = 10;

/** Record pages at 10 connections while 40 connections search, both loads at once, from separate processes. */
async function mixedLoad(url: string, loopUrl: string, catalogue: GeneratedCatalogue, ids: string[], timing: Timing): Promise<MixedLoad> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shelfmark-mixed-'));
  try {
    const searchPlan = path.join(dir, 'search.json');
    const recordPlan = path.join(dir, 'record.json');
    // The searches start a second early and run a second longer, so every record page is measured under them.
    writeFileSync(searchPlan, JSON.stringify({ url, paths: catalogue.queries.map((q) => q.path), connections: MIXED_SEARCHERS,
      duration: timing.duration + 1, warmup: timing.warmup }));
    writeFileSync(recordPlan, JSON.stringify({ url, paths: ids.map((id) => `/record/${id}`), connections: MIXED_READERS, ...timing }));
    await resetLoopDelay(loopUrl);
    const searching = runScript<LoadResult>(LOAD, [searchPlan]);
    await new Promise((r) => setTimeout(r, 1000));
    const record = await runScript<LoadResult>(LOAD, [recordPlan]);
    const search = await searching;
    return { searchConnections: MIXED_SEARCHERS, record, search, loop: await readLoopDelay(loopUrl) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The word every generated record holds most ("the" heads the generator's Zipf vocabulary), alone and with a facet. */
async function broadQueries(url: string): Promise<BroadQuery[]> {
  const timed = async (p: string) => {
    const started = performance.now();
    const body = await (await fetch(url + p)).text();
    return { ms: performance.now() - started, total: Number(/of ([\d,]+) results?/.exec(body)?.[1]?.replaceAll(',', '') ?? NaN) };
  };
  const out: BroadQuery[] = [];
  for (const [label, p] of [['the most frequent word', '/search?q=the'], ['the same, with a facet', '/search?q=the&f=mediaType%3Abook'],
    ['the same, page 2', '/search?q=the&page=2']] as const) {
    const first = await timed(p);
    const again: number[] = [];
    for (let i = 0; i < 5; i++) again.push((await timed(p)).ms);
    again.sort((a, b) => a - b);
    out.push({ label, path: p, total: first.total, firstMs: first.ms, againMs: again[2]! });
  }
  return out;
}

/** Start Shelfmark on a store: the child, once its first page answered, and how long that took. */
async function serve(dataDir: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; firstPageMs: number }> {
  const started = performance.now();
  const child: ChildProcess = spawnScript(SERVER, [], {
    PORT: String(port), HOST: '127.0.0.1', BENCH_LOOP_PORT: String(port + 100), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn',
    // Above the default 250 so a long run never fills a basket: every add must land.
    BASKET_LIMIT: '10000',
    ...env,
  });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[shelfmark] ${d.toString()}`));
  try {
    return { child, firstPageMs: await firstPage(`http://127.0.0.1:${port}/`, started, child) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** Start Shelfmark on an imported store, time its first page, then load each page at each connection count. */
export async function measureShelfmark(dataDir: string, port: number, catalogue: GeneratedCatalogue, connections: number[], timing: Timing): Promise<ServedRun> {
  const url = `http://127.0.0.1:${port}`;
  const loopUrl = `http://127.0.0.1:${port + 100}`;
  const { child, firstPageMs } = await serve(dataDir, port);
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const startup = { firstPageMs, idleRssMb: rssMb(child.pid!) };
    const broad = await broadQueries(url);
    const checked = await preflight(url, catalogue);
    const ids = recordIds(catalogue);
    const pages = {
      search: await loadAt(connections, { url, paths: catalogue.queries.map((q) => q.path), ...timing }, loopUrl),
      record: await loadAt(connections, { url, paths: ids.map((id) => `/record/${id}`), ...timing }, loopUrl),
      basket: await loadAt(connections, { url, basketIds: ids, ...timing }, loopUrl),
    };
    const mixed = await mixedLoad(url, loopUrl, catalogue, ids, timing);
    return { startup, pages, preflight: checked, rssAfterLoadMb: rssMb(child.pid!), mixed, broad };
  } finally {
    await stop(child);
  }
}

/** The searches again, on a server that keeps no page for visitors (PAGE_CACHE_MB=0). */
export async function measureUncached(dataDir: string, port: number, catalogue: GeneratedCatalogue, connections: number[], timing: Timing): Promise<UncachedRun> {
  const url = `http://127.0.0.1:${port}`;
  const loopUrl = `http://127.0.0.1:${port + 100}`;
  const { child } = await serve(dataDir, port, { PAGE_CACHE_MB: '0' });
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const broad = await broadQueries(url);
    // As in measureShelfmark: every search of the mix asked once first, so both runs start from the
    // same state (each search's hits known to a worker), and neither measures searches nobody made before.
    await preflight(url, catalogue);
    const search = await loadAt(connections, { url, paths: catalogue.queries.map((q) => q.path), ...timing }, loopUrl);
    const mixed = await mixedLoad(url, loopUrl, catalogue, recordIds(catalogue), timing);
    return { search, mixed, broad };
  } finally {
    await stop(child);
  }
}

function recordIds(catalogue: GeneratedCatalogue): string[] {
  return Array.from({ length: Math.min(catalogue.count, 50_000) }, (_, k) => catalogue.idOf(k * 7 + 3));
}
