import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SearchState } from '../src/catalogue/search-state.js';
import { buildStoreQuery } from '../src/catalogue/search-steps.js';
import { openEmbeddedStore } from '../src/storage/embedded/index.js';
import type { MixedQuery } from './query-mix.js';

/**
 * What a search costs the CPU, apart from HTTP and whatever else the machine
 * runs: `search-cost.ts <bench/data/N>` runs the bench's 200-query mix and the
 * broad queries against the imported store on this thread, and prints the
 * CPU milliseconds (process.cpuUsage, which a loaded machine does not inflate
 * the way it inflates wall time) for the first time each is asked and again.
 */
const dir = process.argv[2] ?? 'bench/data/100000';
const { queries } = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { queries: MixedQuery[] };
const store = await openEmbeddedStore({ dataDir: path.join(dir, 'store-marc') });
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function cost(p: string): Promise<number> {
  const query = buildStoreQuery(SearchState.parse(new URLSearchParams(p.split('?')[1] ?? '')));
  const started = cpuMs();
  await store.records.search(query);
  return cpuMs() - started;
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const out: Record<string, unknown> = { dir };
out.home = { first: await cost('/?'), again: await cost('/?') };
const broad: Record<string, { first: number; again: number }> = {};
for (const p of ['/search?q=the', '/search?q=the&f=mediaType%3Abook', '/search?q=the&page=2', '/search?q=the&page=500']) {
  broad[p] = { first: await cost(p), again: await cost(p) };
}
out.broad = broad;
const first: number[] = [];
for (const q of queries) first.push(await cost(q.path));
const again: number[] = [];
for (const q of queries) again.push(await cost(q.path));
out.mix = {
  first: { meanMs: sum(first) / first.length, p99Ms: pct(first, 99), maxMs: Math.max(...first) },
  again: { meanMs: sum(again) / again.length, p99Ms: pct(again, 99), maxMs: Math.max(...again) },
};
await store.close();
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
