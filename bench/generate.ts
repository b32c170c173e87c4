import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 as seededRandom } from '../seed/lib/prng.js';
import { recordSource } from './synthetic-record.js';
import { recordToMarc } from './record-to-marc.js';
import { queryMix, type MixedQuery } from './query-mix.js';
import type { CatalogueRecord } from '../src/model/record.js';

/** Bumped whenever the generator changes, so cached catalogues are regenerated. */
const GENERATOR_VERSION = 2;
const SEED = 42;
const MIX_SIZE = 200;

/** A generated catalogue on disk: the same N records as MARC21 and NDJSON, and the search mix drawn from them. */
export interface GeneratedCatalogue {
  count: number;
  marcPath: string;
  ndjsonPath: string;
  queries: MixedQuery[];
  /** Record ids, for record pages and basket adds: bm1 .. bmN. */
  idOf(k: number): string;
}

async function write(out: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Generate N records into `dir` (or reuse the ones already there from the same generator). */
export async function generateCatalogue(dir: string, count: number): Promise<GeneratedCatalogue> {
  mkdirSync(dir, { recursive: true });
  const marcPath = path.join(dir, 'catalogue.mrc');
  const ndjsonPath = path.join(dir, 'catalogue.ndjson');
  const metaPath = path.join(dir, 'meta.json');
  const idOf = (k: number) => `bm${(Math.abs(Math.trunc(k)) % count) + 1}`;
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { version: number; count: number; queries: MixedQuery[] };
    if (meta.version === GENERATOR_VERSION && meta.count === count) return { count, marcPath, ndjsonPath, queries: meta.queries, idOf };
  }
  const random = seededRandom(SEED);
  const source = recordSource(count, SEED, random);
  const marc = createWriteStream(marcPath);
  const ndjson = createWriteStream(ndjsonPath);
  const samples: CatalogueRecord[] = [];
  const every = Math.max(1, Math.floor(count / MIX_SIZE));
  for (let n = 1; n <= count; n++) {
    const record = source.next(n);
    if (n % every === 0) samples.push(record);
    await write(marc, recordToMarc(record));
    await write(ndjson, `${JSON.stringify(record)}\n`);
  }
  marc.end();
  ndjson.end();
  await Promise.all([once(marc, 'finish'), once(ndjson, 'finish')]);
  const queries = queryMix(samples, MIX_SIZE, seededRandom(SEED + 7));
  writeFileSync(metaPath, JSON.stringify({ version: GENERATOR_VERSION, count, queries }, null, 1));
  return { count, marcPath, ndjsonPath, queries, idOf };
}

// `tsx bench/generate.ts <N> [dir]` writes a catalogue on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 10_000);
  const dir = process.argv[3] ?? path.join('bench', 'data', String(count));
  const started = Date.now();
  const generated = await generateCatalogue(dir, count);
  process.stdout.write(`${count} records in ${((Date.now() - started) / 1000).toFixed(1)} s: ${generated.marcPath}, ${generated.ndjsonPath}\n`);
}
