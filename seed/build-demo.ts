/**
 * Builds seed/demo-catalogue.json from the hand-written works in seed/source/.
 * Everything not written by hand (ids, synthetic ISBNs, holdings, shelfmarks,
 * default extents) is derived with a PRNG seeded from each record's id, so a
 * re-run gives byte-identical output. Run: npx tsx seed/build-demo.ts [--out path]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogueRecord } from '../src/model/record.js';
import { holdingsFor } from './lib/holdings.js';
import { syntheticIsbn13 } from './lib/isbn.js';
import { extentFor, statementFor } from './lib/describe.js';
import { createRng } from './lib/prng.js';
import { shelfmarkFor } from './lib/shelfmark.js';
import { SOURCE_FILES } from './source/index.js';
import type { SourceFile, SourceWork } from './source/types.js';

/** Where the committed catalogue lives. */
export const DEMO_OUTPUT_PATH = fileURLToPath(new URL('./demo-catalogue.json', import.meta.url));

function buildRecord(work: SourceWork, file: SourceFile, recordNumber: number): CatalogueRecord {
  const id = `SM${String(recordNumber).padStart(6, '0')}`;
  const rng = createRng(id);
  const mediaType = work.m ?? file.media;
  const languages = work.l ?? [file.language];
  const online = mediaType === 'ebook' || work.online === true;
  const shelfmark = shelfmarkFor({
    mediaType, shelfClass: work.c, authors: work.a, title: work.t, language: languages[0] ?? 'eng', online,
  });
  const notes = [...(work.n ?? [])];
  if (mediaType === 'dvd') notes.push(`BBFC certificate: ${work.c.split(' ')[0]}.`);
  if (online) notes.push('Online resource: borrow with a Wealdshire library card.');
  // ISBNs began in 1970; DVDs and CDs carry EAN barcodes instead.
  const hasIsbn = work.y >= 1970 && mediaType !== 'dvd' && mediaType !== 'music-cd';
  const record: CatalogueRecord = {
    id,
    title: work.t,
    subtitle: work.st,
    statement: statementFor(work, mediaType, languages[0] ?? 'eng'),
    authors: work.a,
    mediaType,
    languages,
    year: work.y,
    publisher: work.p,
    edition: work.ed,
    extent: extentFor(work, mediaType, online, rng),
    isbns: hasIsbn ? [syntheticIsbn13(recordNumber, online || mediaType === 'audiobook')] : [],
    series: [...(work.ser ?? []), ...(work.ps ?? [])],
    subjects: work.s,
    genres: work.g ?? [],
    notes,
    summary: work.sum,
    holdings: holdingsFor({
      recordNumber, mediaType, shelfmark, online, copies: work.h,
      referenceOnly: work.y < 1950,
      localStudies: work.c.startsWith('942.2'),
    }, rng),
    altScript: work.alt,
  };
  return record;
}

/** Every demo record, in source order; each file numbers its own block so ids stay stable. */
export function buildDemoCatalogue(): CatalogueRecord[] {
  const records: CatalogueRecord[] = [];
  for (const file of SOURCE_FILES) {
    let next = file.base;
    for (const work of file.works) {
      const { x: editions, ...base } = work;
      records.push(buildRecord(base, file, next++));
      // An edition shares the work's description but not the physical details of the first one.
      const fresh = { ...base, ed: undefined, ext: undefined, h: undefined, online: undefined, n: undefined, ps: undefined };
      for (const edition of editions ?? []) records.push(buildRecord({ ...fresh, ...edition }, file, next++));
    }
  }
  const ids = new Set(records.map((r) => r.id));
  if (ids.size !== records.length) throw new Error('two source files share an id block');
  return records;
}

/** The exact bytes written to demo-catalogue.json. */
export function renderDemoCatalogue(): string {
  return `${JSON.stringify(buildDemoCatalogue(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outFlag = process.argv.indexOf('--out');
  const out = outFlag > 0 ? process.argv[outFlag + 1] ?? DEMO_OUTPUT_PATH : DEMO_OUTPUT_PATH;
  const text = renderDemoCatalogue();
  writeFileSync(out, text);
  console.log(`wrote ${JSON.parse(text).length} records to ${out}`);
}
