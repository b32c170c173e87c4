import { test } from 'node:test';
import assert from 'node:assert/strict';
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

test('CSV with a bad ISBN keeps the record and warns; missing cells and unknown media types reject the row by line', async () => {
  const items = await readAll(readCsv, fixture('items.csv'));
  const bringUp = items.find((i) => i.ok && i.record.id === 'csv-2');
  assert.ok(bringUp?.ok);
  assert.deepEqual(bringUp.record.isbns, []);
  assert.deepEqual(bringUp.warnings, ['ISBN "not-an-isbn" is not valid and was left out']);
  const shortRow = okRecords(items).find((r) => r.id === 'csv-4');
  assert.deepEqual(shortRow?.authors, ['Smith, Zadie']);
  assert.deepEqual(rejects(items).map((r) => [r.position.line, r.id]), [[5, 'csv-3'], [7, 'csv-5']]);
  assert.match(rejects(items)[0]!.reason, /title column is empty/);
});

test('a CSV header without a title column makes the file unreadable, naming the columns it has', async () => {
  await assert.rejects(readAll(readCsv, fixture('no-title-column.csv')), (e: Error) => e instanceof UnreadableFileError && /no "title" column.*Name, Author/.test(e.message));
});

test('NDJSON: bad lines are rejected by line number and the good ones validated and normalised', async () => {
  const items = await readAll(readNdjson, fixture('records.ndjson'));
  assert.deepEqual(okRecords(items).map((r) => r.id), ['nd-1', 'nd-3']);
  assert.deepEqual(okRecords(items)[0]?.isbns, ['9780755307500']);
  assert.deepEqual(okRecords(items)[1]?.holdings, []);
  assert.deepEqual(rejects(items).map((r) => r.position.line), [2, 3]);
});
