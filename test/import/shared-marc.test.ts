import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { decodeIso2709 } from '../../src/import/marc/decode-iso2709.js';
import { runSeed } from '../../src/import/run-seed.js';
import { hasYaz } from './marc8/yaz.js';
import { captured, freshStore, SHARED_MARC } from './helpers.js';

// Third-party files live beside the repository, never in it; CI without them skips.
const skip = existsSync(SHARED_MARC) ? false : `no ${SHARED_MARC} (third-party MARC files are not in the repository)`;
const shared = (name: string) => path.join(SHARED_MARC, name);

async function seed(t: Parameters<typeof freshStore>[0], ...files: string[]) {
  const { store } = await freshStore(t);
  const runs = [];
  for (const file of files) {
    const out = captured();
    const err = captured();
    runs.push({ code: await runSeed(store, { target: file }, out, err), out: out.text(), err: err.text() });
  }
  return { store, runs };
}

test('brkrtest.mrc (MARC-8): all 8 records, with the real ANSEL letters', { skip }, async (t) => {
  const { store, runs } = await seed(t, shared('brkrtest.mrc'));
  assert.equal(runs[0]!.code, 0);
  assert.equal(await store.records.count(), 8);
  const notes = (await store.records.get('(ViArRB)tes96000002'))!.notes.join('\n');
  for (const word of ['Łódź', 'Øst', 'Đuro', 'Þann', 'Œuvres', 'København', 'Löwenbräu', 'črny', 'årbok', 'ça va comme ça']) assert.ok(notes.includes(word), word);
  assert.equal(notes, notes.normalize('NFC'));
});

test('test_data.utf8: the binary and MARCXML files give the same 30-record catalogue', { skip }, async (t) => {
  const { store, runs } = await seed(t, shared('test_data.utf8.mrc'), shared('test_data.utf8.marc.xml'));
  assert.match(runs[0]!.out, /read\s+30\n\s+added\s+30/);
  assert.match(runs[1]!.out, /read\s+30\n\s+added\s+0\n\s+updated\s+0\n\s+unchanged\s+30/);
  assert.equal(await store.records.count(), 30);
});

test('pride-and-prejudice-fixed.mrc: all 383 records read, none rejected, UNIMARC ones included', { skip }, async (t) => {
  const { store, runs } = await seed(t, shared('pride-and-prejudice-fixed.mrc'));
  assert.equal(runs[0]!.code, 0);
  assert.match(runs[0]!.out, /read\s+383\n[\s\S]*rejected\s+0/);
  // Some editions share a control number; the summary says how many were replaced within the file.
  const replaced = Number(/same id: (\d+)/.exec(runs[0]!.out)?.[1] ?? 0);
  assert.equal(await store.records.count(), 383 - replaced);
  const chinese = await store.records.search({ clauses: [{ field: 'any', words: ['傲慢與偏見'], phrase: false }], filters: [], sort: 'relevance', offset: 0, limit: 5, facetLimit: 1 });
  assert.ok(chinese.total >= 1);
});

test('three-records-second-bad.xml: record 2 is rejected at line 72, records 1 and 3 are read', { skip }, async (t) => {
  const { runs } = await seed(t, shared('three-records-second-bad.xml'));
  assert.equal(runs[0]!.code, 1);
  assert.match(runs[0]!.err, /record 2, line 55 \(id \(DLC\)afc99990058366\): not well-formed XML at line 72, column 30: disallowed character/);
  // Records 1 and 3 carry the same 001/003, so the second replaces the first.
  assert.match(runs[0]!.out, /read\s+3\n\s+added\s+1\n[\s\S]*rejected\s+1\n[\s\S]*same id: 1/);
});

const skipYaz = skip || (hasYaz ? false : 'yaz-marcdump is not installed (Debian package yaz)');

for (const name of ['brkrtest.mrc', 'pride-and-prejudice-fixed.mrc', 'test_data.utf8.mrc']) {
  test(`${name}: as many records as yaz-marcdump reads, none rejected`, { skip: skipYaz }, async (t) => {
    const yaz = execFileSync('yaz-marcdump', [shared(name)], { maxBuffer: 64 << 20 }).toString('utf8');
    const { runs } = await seed(t, shared(name));
    assert.match(runs[0]!.out, new RegExp(`read\\s+${yaz.match(/^\d{5}\S*/gm)!.length}\\n[\\s\\S]*rejected\\s+0\\n`));
  });
}

test('brkrtest.mrc: every subfield decodes from MARC-8 as yaz-marcdump decodes it', { skip: skipYaz }, () => {
  const yaz = execFileSync('yaz-marcdump', ['-f', 'MARC-8', '-t', 'UTF-8', '-o', 'marcxml', shared('brkrtest.mrc')]).toString('utf8');
  const yazRecords = yaz.split('</record>').slice(0, -1).map((r) => [...r.matchAll(/<subfield code="(.)">([^<]*)<\/subfield>/g)].map((m) => `${m[1]}=${unescape(m[2]!).normalize('NFC')}`));
  const bytes = readFileSync(shared('brkrtest.mrc'));
  const ours: string[][] = [];
  for (let start = 0, end = bytes.indexOf(0x1d); end !== -1; start = end + 1, end = bytes.indexOf(0x1d, start)) {
    const { marc, warnings } = decodeIso2709(bytes.subarray(start, end + 1));
    assert.deepEqual(warnings, []);
    ours.push(marc.fields.filter((f) => !/^00/.test(f[0]!)).flatMap((f) => f.slice(2).flatMap((v, i, a) => (i % 2 === 0 ? [`${v}=${a[i + 1]}`] : []))));
  }
  assert.equal(ours.length, 8);
  assert.deepEqual(ours, yazRecords);
});

test('pride-and-prejudice-fixed.mrc: no name, title, series or subject with a doubled full stop or trailing ISBD punctuation', { skip }, async (t) => {
  const { store } = await seed(t, shared('pride-and-prejudice-fixed.mrc'));
  const result = await store.records.search({ clauses: [], filters: [], sort: 'relevance', offset: 0, limit: 400, facetLimit: 1 });
  const records = result.records;
  assert.ok(records.length > 300);
  for (const r of records) {
    for (const value of [r.title, ...r.authors, ...r.series, ...r.subjects]) {
      assert.doesNotMatch(value, /(?<!\.)\.\.(?!\.)|\s[/:;]$|[,;]$/, `${r.id}: ${value}`);
    }
  }
});

function unescape(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}
