import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { Store } from '../../src/storage/store.js';
import { catalogue, copy, emma, makeRecord } from './fixtures.js';
import { clause, query } from './contract/helpers.js';

/** Two stores on one data dir, like the server and `npm run seed` running side by side. */
async function twoProcesses(t: import('node:test').TestContext): Promise<[Store, Store]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-facets-'));
  const server = await openEmbeddedStore({ dataDir });
  const seeder = await openEmbeddedStore({ dataDir });
  t.after(async () => {
    await server.close();
    await seeder.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return [server, seeder];
}

const mediaTypes = async (store: Store, words?: string) =>
  (await store.records.search(query({ clauses: words ? [clause(words)] : [] }))).facets.mediaType;

describe('facet counts kept in memory follow every change to the catalogue', () => {
  it('sees records another process adds, changes and clears, for searches and for browsing', async (t) => {
    const [server, seeder] = await twoProcesses(t);
    await seeder.records.upsertMany(catalogue);
    assert.deepEqual(await mediaTypes(server, 'emma'), [{ value: 'audiobook', count: 1 }, { value: 'book', count: 1 }]);
    const before = await mediaTypes(server);

    await seeder.records.upsertMany([{ ...emma, mediaType: 'large-print' }, makeRecord({ id: 'new-emma', title: 'Emma', mediaType: 'dvd' })]);
    assert.deepEqual(await mediaTypes(server, 'emma'), [
      { value: 'audiobook', count: 1 }, { value: 'dvd', count: 1 }, { value: 'large-print', count: 1 },
    ]);
    const after = await mediaTypes(server);
    assert.notDeepEqual(after, before);
    assert.equal(after.find((f) => f.value === 'dvd')?.count, 2);

    await seeder.records.clear();
    assert.deepEqual(await mediaTypes(server), []);
    await seeder.records.upsertMany([makeRecord({ id: 'only', title: 'Only one', holdings: [copy('Central', 'available')] })]);
    const browse = await server.records.search(query());
    assert.deepEqual(browse.facets.branch, [{ value: 'Central', count: 1 }]);
    assert.deepEqual(browse.facets.available, [{ value: 'yes', count: 1 }]);
  });

  it('keeps counts right through many rewrites of the same records (and the compaction they cause)', async (t) => {
    const [server, seeder] = await twoProcesses(t);
    // 2,000 records with 3 values each: rewritten 20 times, the replaced values outgrow the live ones.
    const records = Array.from({ length: 2000 }, (_, i) => makeRecord({ id: `r${i}`, title: `Volume ${i}`, year: 1990 }));
    for (let round = 0; round < 20; round++) {
      await seeder.records.upsertMany(records.map((r) => ({ ...r, year: 1990 + round })));
      const decades = (await server.records.search(query())).facets.decade;
      assert.deepEqual(decades, [{ value: String(Math.floor((1990 + round) / 10) * 10), count: 2000 }], `round ${round}`);
    }
  });

  it('keeps facet values with control characters (stray MARC separators) out of the way of the index', async (t) => {
    const [server, seeder] = await twoProcesses(t);
    await seeder.records.upsertMany([
      makeRecord({ id: 'a', title: 'One', subjects: ['Cats\u001fDogs', 'Birds\u001e'] }),
      makeRecord({ id: 'b', title: 'Two', subjects: ['CatsDogs'] }),
    ]);
    const subjects = (await server.records.search(query())).facets.subject;
    assert.deepEqual(subjects, [{ value: 'CatsDogs', count: 2 }, { value: 'Birds', count: 1 }]);
  });
});
