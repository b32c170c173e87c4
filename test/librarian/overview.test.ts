import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageName, mediaTypeLabel } from '../../src/catalogue/labels.js';
import { catalogue } from '../storage/fixtures.js';
import { consoleApp } from './helpers.js';
import { tableRows } from './tables.js';

/** Counted here straight from the fixture records, independently of the store. */
function expected(values: (r: (typeof catalogue)[number]) => string[], label: (v: string) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of catalogue) for (const v of new Set(values(record))) counts.set(label(v), (counts.get(label(v)) ?? 0) + 1);
  return counts;
}
const asMap = (rows: string[][]) => new Map(rows.map(([label, count]) => [label!, Number(count)]));

describe('catalogue overview', () => {
  it('counts the records by media type, language and branch', async (t) => {
    const { librarian } = await consoleApp(t);
    const page = (await librarian.get('/librarian').expect(200)).text;
    assert.match(page, new RegExp(`The catalogue holds <strong>${catalogue.length}</strong> records\\.`));
    assert.deepEqual(asMap(tableRows(page, 'by-media-type')), expected((r) => [r.mediaType], mediaTypeLabel));
    assert.deepEqual(asMap(tableRows(page, 'by-language')), expected((r) => r.languages, languageName));
    assert.deepEqual(asMap(tableRows(page, 'by-branch')), expected((r) => r.holdings.map((h) => h.branch), (v) => v));
  });
});
