import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runSeed } from '../../src/import/run-seed.js';
import { captured, fixture, freshStore } from './helpers.js';

const seed = async (store: Parameters<typeof runSeed>[0], target: string | undefined, options: Omit<Parameters<typeof runSeed>[1], 'target'> = {}) => {
  const out = captured();
  const err = captured();
  const code = await runSeed(store, { target, ...options }, out, err);
  return { code, out: out.text(), err: err.text() };
};

test('running the same file twice changes nothing the second time', async (t) => {
  const { store } = await freshStore(t);
  const first = await seed(store, fixture('valid-utf8.mrc'));
  assert.equal(first.code, 0);
  assert.match(first.out, /added\s+3\n\s+updated\s+0\n\s+unchanged\s+0/);
  const second = await seed(store, fixture('valid-utf8.mrc'));
  assert.match(second.out, /read\s+3\n\s+added\s+0\n\s+updated\s+0\n\s+unchanged\s+3/);
  assert.equal(await store.records.count(), 3);
});

test('a changed record replaces the old one', async (t) => {
  const { store, dataDir } = await freshStore(t);
  const file = path.join(dataDir, 'one.ndjson');
  writeFileSync(file, `${JSON.stringify({ id: 'r1', title: 'First title', mediaType: 'book' })}\n`);
  await seed(store, file);
  writeFileSync(file, `${JSON.stringify({ id: 'r1', title: 'Second title', mediaType: 'book' })}\n`);
  const again = await seed(store, file);
  assert.match(again.out, /added\s+0\n\s+updated\s+1/);
  assert.equal((await store.records.get('r1'))?.title, 'Second title');
});

test('--replace leaves the catalogue alone when the new file cannot be read, and empties it when it can', async (t) => {
  const { store, dataDir } = await freshStore(t);
  await seed(store, fixture('marc8.mrc'));
  const empty = path.join(dataDir, 'empty.mrc');
  writeFileSync(empty, '');
  const refused = await seed(store, empty, { replace: true });
  assert.equal(refused.code, 2);
  assert.match(refused.err, /empty \(0 bytes\)[\s\S]*Nothing was changed/);
  assert.ok(await store.records.get('marc8-lodz'));
  const replaced = await seed(store, fixture('valid-utf8.mrc'), { replace: true });
  assert.equal(replaced.code, 0);
  assert.equal(await store.records.get('marc8-lodz'), null);
  assert.equal(await store.records.count(), 3);
});

test('some rejected records give exit code 1, a summary, and a --rejects report with positions', async (t) => {
  const { store, dataDir } = await freshStore(t);
  const report = path.join(dataDir, 'rejects.csv');
  const run = await seed(store, fixture('bad-records.mrc'), { rejectsPath: report });
  assert.equal(run.code, 1);
  assert.match(run.out, /read\s+8\n\s+added\s+7\n\s+updated\s+0\n\s+unchanged\s+0\n\s+rejected\s+1\n\s+warnings\s+4 [^\n]*\n\s+time\s+[\d.]+ s\n\s+speed\s+[\d,]+ records\/s/);
  assert.match(run.err, /Warning: \S+, record 4, byte offset \d+ \(id good-91\): the directory gives the wrong length for field 245/);
  const lines = readFileSync(report, 'utf8').trim().split('\r\n');
  assert.equal(lines[0], 'file,record,byte_offset,line,id,kind,reason');
  assert.equal(lines.length, 1 + 4 + 1, 'every warning and the reject, one line each');
  assert.match(lines[5]!, /bad-records\.mrc,8,\d+,,,rejected,"the file ends in the middle/);
});

test('a missing file, an empty file and a file of the wrong format each exit 2 with a message a librarian can act on', async (t) => {
  const { store, dataDir } = await freshStore(t);
  const missing = await seed(store, path.join(dataDir, 'nope.mrc'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /does not exist: check the name and folder/);
  const pdf = path.join(dataDir, 'catalogue.pdf');
  writeFileSync(pdf, '%PDF-1.4 binary stuff');
  const wrong = await seed(store, pdf);
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /not in a format Shelfmark reads .* --format/);
  const forced = await seed(store, pdf, { format: 'marc21' });
  assert.equal(forced.code, 2);
  assert.match(forced.err, /no record in .* could be read as MARC21/);
  assert.equal(await store.records.count(), 0);
});

test('a truncated file imports its whole records and names the cut one', async (t) => {
  const { store, dataDir } = await freshStore(t);
  const whole = readFileSync(fixture('valid-utf8.mrc'));
  const cut = path.join(dataDir, 'cut.mrc');
  writeFileSync(cut, whole.subarray(0, whole.length - 40));
  const run = await seed(store, cut);
  assert.equal(run.code, 1);
  assert.match(run.err, /record 3, byte offset \d+ \(id war-and-peace-audio\): the file ends in the middle of this record .*truncated/);
  assert.equal(await store.records.count(), 2);
});

test('search sees imported records at once, facets included', async (t) => {
  const { store } = await freshStore(t);
  await seed(store, fixture('valid-utf8.mrc'));
  const result = await store.records.search({ clauses: [{ field: 'any', words: ['highbury'], phrase: false }], filters: [], sort: 'relevance', offset: 0, limit: 10, facetLimit: 10 });
  assert.deepEqual(result.records.map((r) => r.id), ['(SHELF)emma-1']);
  assert.deepEqual(result.facets.branch.map((f) => f.value).sort(), ['Central Library', 'Northgate', 'Riverside']);
  const cyrillic = await store.records.search({ clauses: [{ field: 'any', words: ['война'], phrase: false }], filters: [], sort: 'relevance', offset: 0, limit: 10, facetLimit: 10 });
  assert.deepEqual(cyrillic.records.map((r) => r.id), ['war-and-peace-audio']);
});

test('with no file, seed loads the demo catalogue', async (t) => {
  const { store } = await freshStore(t);
  const run = await seed(store, undefined);
  assert.equal(run.code, 0);
  assert.ok((await store.records.count()) >= 400);
});

test('the --rejects report never lets an imported id or reason run as a spreadsheet formula', async (t) => {
  const { dataDir } = await freshStore(t);
  const { RejectsReport } = await import('../../src/import/rejects-report.js');
  const file = path.join(dataDir, 'rejects.csv');
  const report = await RejectsReport.open(file);
  report.write({ kind: 'rejected', id: '=HYPERLINK("http://evil.example")', reason: '+1 bad, "quoted"', position: { file: 'x.csv', recordNumber: 2, line: 3 } });
  await report.close();
  const row = readFileSync(file, 'utf8').trim().split('\r\n')[1];
  assert.equal(row, `x.csv,2,,3,"'=HYPERLINK(""http://evil.example"")",rejected,"'+1 bad, ""quoted"""`);
});
