import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsv } from '../../src/import/csv/csv-reader.js';
import { readNdjson } from '../../src/import/json/ndjson-reader.js';
import { readMarcxml } from '../../src/import/marc/marcxml-reader.js';
import { UnreadableFileError } from '../../src/import/types.js';
import { fixture, okRecords, readAll, rejects } from './helpers.js';

test('broken MARCXML: the records before and after the break are read and the bad one names its line', async () => {
  const items = await readAll(readMarcxml, fixture('broken.xml'));
  assert.deepEqual(okRecords(items).map((r) => [r.id, r.title]), [['xml-1', 'Før og nå'], ['xml-3', 'After the break']]);
  const [bad] = rejects(items);
  assert.equal(bad?.position.recordNumber, 2);
  assert.equal(bad?.position.line, 8);
  assert.match(bad.reason, /line 11: a bare "&"/);
});

test('CSV rows of the same id become one record with a copy per row, in the documented columns', async () => {
  const items = await readAll(readCsv, fixture('items.csv'));
  const wolfHall = okRecords(items).find((r) => r.id === 'csv-1');
  assert.deepEqual(wolfHall, {
    id: 'csv-1', title: 'Wolf Hall', mediaType: 'book', authors: ['Mantel, Hilary'], languages: ['eng'],
    isbns: ['9780007230181'], series: [], subjects: ['Tudors', 'Historical fiction'], genres: [], notes: [], year: 2009,
    holdings: [
      { itemId: '5001', branch: 'Central Library', shelfmark: 'F MAN', status: 'available' },
      { itemId: '5002', branch: 'Northgate', shelfmark: 'F MAN', status: 'on-loan' },
    ],
  });
});

test('CSV with a bad ISBN or media type keeps the record and warns; only a row without a title is rejected', async () => {
  const items = await readAll(readCsv, fixture('items.csv'));
  const bringUp = items.find((i) => i.ok === true && i.record.id === 'csv-2');
  assert.ok(bringUp?.ok === true);
  assert.deepEqual(bringUp.record.isbns, []);
  assert.deepEqual(bringUp.warnings, ['ISBN "not-an-isbn" is not valid and was left out']);
  const shortRow = okRecords(items).find((r) => r.id === 'csv-4');
  assert.deepEqual(shortRow?.authors, ['Smith, Zadie']);
  assert.deepEqual(rejects(items).map((r) => [r.position.line, r.id]), [[5, 'csv-3']]);
  assert.match(rejects(items)[0]!.reason, /title column is empty/);
  const hologram = items.find((i) => i.ok === true && i.record.id === 'csv-5');
  assert.ok(hologram?.ok === true);
  assert.equal(hologram.record.mediaType, 'other');
  assert.match(hologram.warnings[0]!, /^media type "Hologram" is not one of .*; the record is shown as "Other"$/);
});

test('a CSV header without a title column makes the file unreadable, naming the columns it has', async () => {
  await assert.rejects(readAll(readCsv, fixture('no-title-column.csv')), (e: Error) => e instanceof UnreadableFileError && /no "title" column.*Name, Author/.test(e.message));
});

test('NDJSON: a line that is not JSON, or a record without a title, is rejected by line number', async () => {
  const items = await readAll(readNdjson, fixture('records.ndjson'));
  assert.deepEqual(okRecords(items).map((r) => r.id), ['nd-1', 'nd-3']);
  assert.deepEqual(okRecords(items)[0]?.isbns, ['9780755307500']);
  assert.deepEqual(okRecords(items)[1]?.holdings, []);
  assert.deepEqual(rejects(items).map((r) => [r.position.line, r.reason]), [[2, 'title: missing or empty'], [3, rejects(items)[1]!.reason]]);
  assert.match(rejects(items)[1]!.reason, /^not valid JSON/);
});

test('JSON: a bad value costs that value with a warning naming it, never the record', async () => {
  const line = JSON.stringify({
    id: 'lenient-1', title: 'Kept', mediaType: 'scroll', languages: ['eng', 'english'], isbns: ['0-7553-0750-X', '12345'], year: 'soon',
    links: [{ url: 'https://example.org/e' }, { url: 'ftp://example.org/f' }], shelf: 'A1',
    holdings: [{ itemId: 'c1', branch: 'Central Library', status: 'lost?' }, { branch: '', status: 'available', dueDate: 'tomorrow' }, 'junk'],
  });
  const items = await readAll(readNdjson, writeTemp(`${line}\n`));
  assert.equal(items.length, 1);
  const item = items[0]!;
  assert.ok(item.ok === true);
  assert.equal(item.record.mediaType, 'other');
  assert.deepEqual(item.record.languages, ['eng']);
  assert.deepEqual(item.record.isbns, ['9780755307500']);
  assert.equal(item.record.year, undefined);
  assert.deepEqual(item.record.links, [{ url: 'https://example.org/e' }]);
  assert.deepEqual(item.record.holdings, [
    { itemId: 'c1', branch: 'Central Library', shelfmark: '', status: 'available' },
    { itemId: 'lenient-1#2', branch: '', shelfmark: '', status: 'available' },
  ]);
  assert.deepEqual(item.warnings, [
    'mediaType: "scroll" is not one of book, large-print, ebook, audiobook, dvd, music-cd, other; the record is shown as "other"',
    'languages.1: "english" is not a three-letter language code and was left out',
    'year: "soon" is not valid (invalid input: expected number, received string) and was left out',
    'links.1: {"url":"ftp://example.org/f"} is not usable and was left out',
    '"shelf" is not a Shelfmark field and was ignored',
    'holdings.0.status: "lost?" is not one of available, on-loan, reference, in-transit, missing; the copy is shown as available',
    'holdings.1.dueDate: "tomorrow" is not a date (YYYY-MM-DD) and was left out',
    'holdings.1: the copy has no branch; it is kept under "Other locations"',
    'holdings.2: not a copy (expected an object) and was left out',
    'isbns: "12345" is not a valid ISBN and was left out',
  ]);
});

function writeTemp(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'shelfmark-json-')), 'records.ndjson');
  writeFileSync(file, text);
  return file;
}
