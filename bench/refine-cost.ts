import path from 'node:path';
import { SearchState } from '../src/catalogue/search-state.js';
import { buildStoreQuery } from '../src/catalogue/search-steps.js';
import { openEmbeddedStore } from '../src/storage/embedded/index.js';

/**
 * What refining one broad search costs: `refine-cost.ts <bench/data/N> [word]`
 * asks for the word alone, then with one facet ticked after another (each a
 * new search, as a member's clicks are), and prints the CPU milliseconds of
 * each (process.cpuUsage, on this thread, against the imported store).
 */
const dir = process.argv[2] ?? 'bench/data/100000';
const word = process.argv[3] ?? 'the';
const store = await openEmbeddedStore({ dataDir: path.join(dir, 'store-marc') });
await store.records.search(buildStoreQuery(SearchState.parse(new URLSearchParams('q=zzzwarmup'))));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const steps = ['', 'mediaType:book', 'language:eng', 'decade:2000', 'available:yes', 'branch:Central Library', 'mediaType:dvd'];
const out: Array<[string, number]> = [];
for (const f of steps) {
  const params = new URLSearchParams({ q: word });
  if (f) params.append('f', f);
  const started = cpuMs();
  await store.records.search(buildStoreQuery(SearchState.parse(params)));
  out.push([f || '(none)', Math.round(cpuMs() - started)]);
}
await store.close();
process.stdout.write(`${JSON.stringify({ dir, word, ms: out, total: out.reduce((a, [, ms]) => a + ms, 0) })}\n`);
