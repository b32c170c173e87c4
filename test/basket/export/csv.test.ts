import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, toCsv } from '../../../src/basket/export/csv.js';
import { neutralise } from '../../../src/csv/csv.js';
import { emma, parishMap } from '../../storage/fixtures.js';
import { hostile } from './hostile.js';

/** Read with csv-parse in strict RFC 4180 mode: quotes must balance and every row must have every column. */
function readBack(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });
}

describe('CSV export', () => {
  it('has the columns title, author, year, ISBN, media type, shelfmark, branch and status', () => {
    const [header] = parse(toCsv([emma]), { bom: true, to_line: 1 });
    assert.deepEqual(header, [...CSV_COLUMNS]);
  });

  it('gives one row per copy, and one row with no branch for a record without copies', () => {
    const rows = readBack(toCsv([emma, parishMap]));
    assert.deepEqual(rows.map((r) => [r.Title, r.Branch, r.Status]), [
      ['Emma', 'Central', 'Available'],
      ['Emma', 'Northside', 'On loan'],
      ['A Map of the Parish', '', ''],
    ]);
    assert.deepEqual(rows[0], {
      Title: 'Emma', Author: 'Austen, Jane', Year: '1815', ISBN: '9780141439587', 'Media type': 'Book',
      Shelfmark: 'F', Branch: 'Central', Status: 'Available',
    });
  });

  it('starts with a byte order mark so spreadsheets read Brontë as UTF-8', () => {
    assert.ok(toCsv([emma]).startsWith('\uFEFF"Title"'));
  });

  it('keeps commas, quotes and line breaks inside their cells', () => {
    const rows = readBack(toCsv([hostile]));
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.Title, 'Braces {and} 50% of $money & #tags_ \\ ~ ^ "quoted": a line\nbreak, and <b>markup</b>');
    assert.equal(rows[0]!.Branch, 'Central, Main Hall');
    assert.equal(rows[0]!.Shelfmark, '641.5 "MAL"');
    assert.equal(rows[0]!.ISBN, '9780141439587; 9780141441146');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const rows = readBack(toCsv([hostile]));
    assert.equal(rows[0]!.Author, '\'=HYPERLINK("http://evil.example"), Mallory; Royal Society of Chemistry; O\'Brien, Flann');
    assert.equal(rows[1]!.Shelfmark, "'=SUM(A1)");
    assert.equal(rows[1]!.Status, 'On loan, due 2026-12-01');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(neutralise(`${start}1`), `'${start}1`);
    assert.equal(neutralise('9780141439587'), '9780141439587');
  });
});
