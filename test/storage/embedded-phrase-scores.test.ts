import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { recordSource } from '../../bench/synthetic-record.js';
import { buildDemoCatalogue } from '../../seed/build-demo.js';
import { mulberry32 } from '../../seed/lib/prng.js';
import { SearchState } from '../../src/catalogue/search-state.js';
import { buildStoreQuery } from '../../src/catalogue/search-steps.js';
import { addWordForms } from '../../src/catalogue/word-forms.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { toMatchExpression, toMatchPlan } from '../../src/storage/embedded/fts-query.js';
import { FTS_COLUMNS } from '../../src/storage/search-columns.js';
import { JUDGED_QUERIES } from '../catalogue/judged-queries.js';
import { makeRecord } from './fixtures.js';

const BM25 = `bm25(records_fts, ${FTS_COLUMNS.map((c) => c.weight).join(', ')})`;
const PAGE = 60;

/**
 * Relevance scored phrase by phrase (phrase-scores.ts) must rank exactly as
 * FTS5 ranks the whole expression: FTS5 itself is the judge here, asked
 * directly for the same expression, ties by record id.
 */
describe('relevance scored phrase by phrase', () => {
  it('ranks and counts exactly as FTS5 bm25() does, for the judged set, field searches and common words', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-phrases-'));
    // On this thread: the engine under test and the judge read the same file, one after the other.
    const store = await openEmbeddedStore({ dataDir });
    t.after(async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const source = recordSource(3_000, 7, mulberry32(7));
    const synthetic = Array.from({ length: 3_000 }, (_, i) => source.next(i + 1));
    // 150 records that score the same for "quillon", stored out of id order: the page must break the tie by id.
    const tied = Array.from({ length: 150 }, (_, i) => makeRecord({ id: `tie-${String((i * 37) % 150).padStart(3, '0')}`, title: 'Quillon' }));
    await store.records.upsertMany([...buildDemoCatalogue(), ...synthetic, ...tied]);
    const judge = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
    t.after(() => judge.close());
    const fts = judge.prepare<[string, number], string>(
      `SELECT r.id FROM records_fts f JOIN records r ON r.rowid = f.rowid WHERE records_fts MATCH ? ORDER BY ${BM25}, r.id LIMIT ?`).pluck();
    const ftsTotal = judge.prepare<[string], number>('SELECT count(*) FROM records_fts WHERE records_fts MATCH ?').pluck();

    // Words the synthetic records share by the hundred, so ties and long lists are tried too.
    const common = synthetic.flatMap((r) => r.title.toLowerCase().split(' ')).filter((w) => w.length > 3).slice(0, 30);
    const typed = [
      ...JUDGED_QUERIES.map((j) => j.q),
      ...common, `${common[0]} ${common[1]}`, `${common[2]} OR ${common[3]}`, `"${common[4]} ${common[5]}"`,
      'title:emma', 'author:austen emma', 'subject:cookery', 'series:discworld', 'title:"pride and prejudice"',
      'quillon', 'hobbits', 'gardening', 'cooking OR baking', 'the', 'of the',
    ];
    let compared = 0;
    for (const q of typed) {
      const query = await addWordForms(buildStoreQuery(SearchState.parse(new URLSearchParams({ q }))), store.records);
      const plan = toMatchPlan(query.clauses);
      const match = toMatchExpression(query.clauses);
      if (!plan || !match || query.filters.length > 0) continue;
      compared++;
      // A phrase's list is read on its second search: the first (a search kept apart by a filter
      // that leaves nothing out) goes through FTS5, the second through the lists.
      const page = { ...query, sort: 'relevance' as const, offset: 0, limit: PAGE, facetLimit: 0 };
      const viaFts = await store.records.search({ ...page, exclude: [{ field: 'language', value: 'no such language' }] });
      const viaLists = await store.records.search(page);
      for (const [how, found] of [['FTS5', viaFts], ['lists', viaLists]] as const) {
        assert.deepEqual(found.records.map((r) => r.id), fts.all(match, PAGE), `${q} (${how}): ${match}`);
        assert.equal(found.total, ftsTotal.get(match), `${q} (${how}): total`);
      }
    }
    assert.ok(compared >= 80, `compared ${compared} searches`);
  });
});
