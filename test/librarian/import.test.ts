import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { emptyCounts } from '../../src/storage/import-run-store.js';
import { flashText } from '../helpers/build.js';
import { fixture, SHARED_MARC } from '../import/helpers.js';
import { consoleApp, upload, watchImport } from './helpers.js';
import { tableRows } from './tables.js';

/** The summary table as text: its caption, then one "  label value" line per row, labels in lower case. */
const summaryOf = (html: string) => [
  /<table class="console-table" id="import-summary">\s*<caption>([^<]*)<\/caption>/.exec(html)?.[1] ?? '',
  ...tableRows(html, 'import-summary').map(([label, value]) => `  ${label!.toLowerCase()} ${value}`),
].join('\n');
const line = (summary: string, label: string) => Number(new RegExp(`^\\s+${label}\\s+([\\d,]+)`, 'm').exec(summary)?.[1]?.replace(/,/g, ''));

describe('importing from the browser', () => {
  it('imports an upload in the background, ends with the summary, and the records are in search', async (t) => {
    const { librarian, store } = await consoleApp(t);
    const res = await upload(librarian, 'records.ndjson', readFileSync(fixture('records.ndjson')));
    assert.equal(res.status, 303);
    assert.match(res.headers.location ?? '', /^\/librarian\/import\/[\w-]+$/);
    const page = await watchImport(librarian, res.headers.location!);
    const summary = summaryOf(page);
    assert.match(summary, /^records\.ndjson \(NDJSON\)/);
    assert.deepEqual([line(summary, 'read'), line(summary, 'added'), line(summary, 'rejected')], [4, 2, 2]);
    assert.match((await librarian.get('/search?q=small+island')).text, /Small Island/);
    assert.equal((await store.imports.recent(1))[0]?.status, 'finished');
  });

  it('offers the rejects report, naming the uploaded file, the record and why', async (t) => {
    const { librarian } = await consoleApp(t);
    const res = await upload(librarian, 'records.ndjson', readFileSync(fixture('records.ndjson')));
    const page = await watchImport(librarian, res.headers.location!);
    const href = /<a href="([^"]+)" id="rejects-link"/.exec(page)?.[1];
    assert.equal(href, `${res.headers.location}/rejects.csv`);
    const csv = await librarian.get(href).expect(200);
    const rows = csv.text.trim().split('\r\n');
    assert.equal(rows[0], 'file,record,byte_offset,line,id,kind,reason');
    assert.equal(rows.length, 3);
    assert.match(rows[1]!, /^records\.ndjson,2,\d+,2,nd-2,rejected,title: missing or empty/);
    assert.match(rows[2]!, /^records\.ndjson,3,\d+,3,,rejected,/);
  });

  it('reports a truncated MARC file: the whole records imported, the cut one rejected', async (t) => {
    const { librarian } = await consoleApp(t);
    const whole = readFileSync(fixture('valid-utf8.mrc'));
    const res = await upload(librarian, 'cut.mrc', whole.subarray(0, whole.length - 200));
    const page = await watchImport(librarian, res.headers.location!);
    const summary = summaryOf(page);
    assert.match(summary, /^cut\.mrc \(MARC21\)/);
    assert.deepEqual([line(summary, 'read'), line(summary, 'added'), line(summary, 'rejected')], [3, 2, 1]);
    const csv = await librarian.get(`${res.headers.location}/rejects.csv`).expect(200);
    const rejected = csv.text.split('\r\n').filter((row) => row.includes(',rejected,'));
    assert.equal(rejected.length, 1);
    assert.match(rejected[0]!, /^cut\.mrc,3,\d+,,[^,]*,rejected,/);
  });

  it('fails a file in no format Shelfmark reads, saying so about the file the librarian chose', async (t) => {
    const { librarian, store } = await consoleApp(t);
    const before = await store.records.count();
    const res = await upload(librarian, 'minutes.docx', 'Minutes of the library committee, 3 March.\nApologies: none.\n');
    const page = await watchImport(librarian, res.headers.location!);
    assert.match(page, /<dd id="import-status">Failed<\/dd>/);
    assert.match(page, /<p id="import-error">minutes\.docx is not in a format Shelfmark reads/);
    assert.doesNotMatch(page, /shelfmark-upload-/);
    assert.equal(await store.records.count(), before);
  });

  it('imports with the format the librarian chose when the file does not say', async (t) => {
    const { librarian } = await consoleApp(t);
    const res = await upload(librarian, 'records.txt', readFileSync(fixture('records.ndjson')), { format: 'ndjson' });
    assert.match(summaryOf(await watchImport(librarian, res.headers.location!)), /^records\.txt \(NDJSON\)/);
  });

  it('refuses an upload over the size limit with a clear message, importing nothing', async (t) => {
    const { librarian, store } = await consoleApp(t, { IMPORT_MAX_MB: '1' });
    const res = await upload(librarian, 'huge.ndjson', Buffer.alloc(1024 * 1024 + 1, 0x20));
    assert.equal(res.status, 413);
    assert.match(res.text, /<p id="upload-error">The file is larger than the 1 MB limit for uploads, so nothing was imported\./);
    assert.deepEqual(await store.imports.recent(5), []);
  });

  it('accepts an upload of exactly the size limit', async (t) => {
    const { librarian } = await consoleApp(t, { IMPORT_MAX_MB: '1' });
    const record = readFileSync(fixture('records.ndjson')).toString().split('\n')[0]!;
    const padded = Buffer.concat([Buffer.from(`${record}\n`), Buffer.alloc(1024 * 1024 - record.length - 1, 0x0a)]);
    assert.equal(padded.length, 1024 * 1024);
    const res = await upload(librarian, 'full.ndjson', padded);
    assert.equal(res.status, 303);
    assert.equal(line(summaryOf(await watchImport(librarian, res.headers.location!)), 'added'), 1);
  });

  it('asks for a file when none was chosen', async (t) => {
    const { librarian, store } = await consoleApp(t);
    const res = await upload(librarian, 'empty.mrc', Buffer.alloc(0));
    assert.equal(res.status, 400);
    assert.match(res.text, /empty\.mrc is empty \(0 bytes\)/);
    assert.deepEqual(await store.imports.recent(5), []);
  });

  it('politely refuses a second import while one is running, on this instance or another', async (t) => {
    const { librarian, store, clock } = await consoleApp(t);
    // Another instance's import, running now.
    await store.imports.claim({ id: 'elsewhere', fileName: 'big-export.mrc', size: 10, card: 'L2', startedAt: clock.now }, 0);
    const res = await upload(librarian, 'records.ndjson', readFileSync(fixture('records.ndjson')));
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/librarian/import/elsewhere');
    const page = await librarian.get(res.headers.location).expect(200);
    assert.match(flashText(page.text) ?? '', /^Another import \(big-export\.mrc, started .+\) is still running, so records\.ndjson was not imported\./);
    assert.match(page.text, /http-equiv="refresh"/);
    assert.deepEqual((await store.imports.recent(5)).map((r) => r.id), ['elsewhere']);
    await store.imports.finish('elsewhere', { status: 'finished', counts: emptyCounts(), error: null, now: clock.now });
    assert.equal((await upload(librarian, 'records.ndjson', readFileSync(fixture('records.ndjson')))).status, 303);
  });

  it('lists the latest imports with their summaries on the overview', async (t) => {
    const { librarian } = await consoleApp(t);
    const res = await upload(librarian, 'records.ndjson', readFileSync(fixture('records.ndjson')));
    await watchImport(librarian, res.headers.location!);
    const overview = (await librarian.get('/librarian').expect(200)).text;
    assert.match(overview, /<a href="\/librarian\/import\/[\w-]+">records\.ndjson<\/a>/);
    const [row] = tableRows(overview, 'overview-runs');
    assert.deepEqual([row?.[0], row?.[3], ...(row?.slice(4) ?? [])], ['records.ndjson', 'Finished', '4', '2', '0', '2', '0']);
  });
});

const skip = existsSync(SHARED_MARC) ? false : `no ${SHARED_MARC} (third-party MARC files are not in the repository)`;

describe('real MARC exports from the browser', { skip }, () => {
  for (const [file, records, search, title] of [
    ['test_data.utf8.mrc', 30, 'kazakhskoi', 'Ocherki po istorii'],
    ['pride-and-prejudice-fixed.mrc', 383, 'pride prejudice', 'Pride and prejudice'],
    ['brkrtest.mrc', 8, 'Łódź', ''],
  ] as const) {
    it(`imports ${file} from the browser and finds its records in search`, async (t) => {
      const { librarian, store } = await consoleApp(t);
      const before = await store.records.count();
      const res = await upload(librarian, file, readFileSync(path.join(SHARED_MARC, file)));
      assert.equal(res.status, 303);
      const summary = summaryOf(await watchImport(librarian, res.headers.location!));
      assert.match(summary, new RegExp(`^${file.replace(/\./g, '\\.')} \\(MARC21\\)`));
      assert.equal(line(summary, 'read'), records);
      assert.equal(line(summary, 'rejected'), 0);
      const added = line(summary, 'added');
      assert.equal(await store.records.count(), before + added);
      const results = await librarian.get(`/search?q=${encodeURIComponent(search)}`).expect(200);
      assert.doesNotMatch(results.text, /There are no results that match your search criteria/);
      if (title) assert.match(results.text, new RegExp(title, 'i'));
    });
  }
});
