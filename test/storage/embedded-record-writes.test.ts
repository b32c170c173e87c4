import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { emma, janeEyre } from './fixtures.js';
import { clause, query } from './contract/helpers.js';

async function freshStore(t: import('node:test').TestContext) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-writes-'));
  const store = await openEmbeddedStore({ dataDir });
  t.after(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

// The facet rows of a batch are written together at its end: a record given twice must not leave both versions.
it('a record given twice in one batch is stored once, as its last version, in text and in facets', async (t) => {
  const store = await freshStore(t);
  const first = { ...emma, title: 'Emma Draft', mediaType: 'dvd' as const };
  const last = { ...emma, title: 'Emma Final', mediaType: 'audiobook' as const };
  assert.deepEqual(await store.records.upsertMany([first, janeEyre, last]), { added: 2, updated: 1, unchanged: 0 });
  assert.deepEqual(await store.records.get(emma.id), last);
  const found = await store.records.search(query({ clauses: [clause('emma')] }));
  assert.deepEqual(found.records.map((r) => r.title), ['Emma Final']);
  assert.deepEqual(found.facets.mediaType, [{ value: 'audiobook', count: 1 }]);
  assert.equal((await store.records.search(query({ clauses: [clause('draft')] }))).total, 0);

  assert.deepEqual(await store.records.upsertMany([first, last]), { added: 0, updated: 2, unchanged: 0 });
  assert.deepEqual((await store.records.search(query())).facets.mediaType.map((f) => f.value).sort(), ['audiobook', 'book']);
  assert.deepEqual(await store.records.upsertMany([last, last]), { added: 0, updated: 0, unchanged: 2 });
});
