import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RESULT_WINDOW } from '../../src/model/search-query.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { makeRecord } from './fixtures.js';

describe('deep paging', () => {
  it('pages only through the first 10,000 results, and still says how many there are', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-window-'));
    const store = await openEmbeddedStore({ dataDir });
    t.after(async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    await store.records.upsertMany(Array.from({ length: RESULT_WINDOW + 5 }, (_, i) => makeRecord({ id: `w${i}`, title: `Window ${i}` })));
    const words = { clauses: [{ field: 'any' as const, words: ['window'], phrase: false }], filters: [], facetLimit: 0 };
    for (const sort of ['relevance', 'title'] as const) {
      const last = await store.records.search({ ...words, sort, offset: RESULT_WINDOW - 1, limit: 20 });
      assert.equal(last.total, RESULT_WINDOW + 5, sort);
      assert.equal(last.records.length, 1, `${sort}: the last page in the window holds only what is inside it`);
      const beyond = await store.records.search({ ...words, sort, offset: RESULT_WINDOW + 1, limit: 20 });
      assert.equal(beyond.total, RESULT_WINDOW + 5, sort);
      assert.deepEqual(beyond.records, [], `${sort}: nothing past the window`);
    }
    const browse = await store.records.search({ clauses: [], filters: [], facetLimit: 0, sort: 'newest', offset: RESULT_WINDOW, limit: 20 });
    assert.equal(browse.total, RESULT_WINDOW + 5);
    assert.deepEqual(browse.records, []);
  });
});
