import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { Store } from '../../src/storage/store.js';
import type { CatalogueRecord } from '../../src/model/record.js';
import { catalogue, emma, makeRecord } from './fixtures.js';
import { clause, ids, query } from './contract/helpers.js';

function tempDir(t: import('node:test').TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-snapshot-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function withStore<T>(dataDir: string, use: (store: Store) => Promise<T>, searchWorkers = 0): Promise<T> {
  const store = await openEmbeddedStore({ dataDir, searchWorkers });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const snapshotOf = (dataDir: string) => path.join(dataDir, 'shelfmark.db-facets');
const mediaTypes = async (store: Store, words: string) =>
  (await store.records.search(query({ clauses: [clause(words)] }))).facets.mediaType;

describe('the facet index is built once and kept beside the store', () => {
  it('is written by the first search that counts facets, and a later start reads it and catches up with changes made meanwhile', async (t) => {
    const dataDir = tempDir(t);
    await withStore(dataDir, async (store) => {
      await store.records.upsertMany(catalogue);
      assert.equal(fs.existsSync(snapshotOf(dataDir)), false);
      assert.deepEqual(await mediaTypes(store, 'emma'), [{ value: 'audiobook', count: 1 }, { value: 'book', count: 1 }]);
    });
    assert.equal(fs.existsSync(snapshotOf(dataDir)), true);
    // Another process changes the catalogue while nothing searches.
    await withStore(dataDir, (store) => store.records.upsertMany([{ ...emma, mediaType: 'large-print' }, makeRecord({ id: 'new-emma', title: 'Emma', mediaType: 'dvd' })]));
    await withStore(dataDir, async (store) => {
      assert.deepEqual(await mediaTypes(store, 'emma'), [
        { value: 'audiobook', count: 1 }, { value: 'dvd', count: 1 }, { value: 'large-print', count: 1 },
      ]);
    }, 2);
  });

  it('is not used when it belongs to another catalogue copied beside this one', async (t) => {
    const mine = tempDir(t);
    const theirs = tempDir(t);
    const shelf = (mediaType: CatalogueRecord['mediaType']) => Array.from({ length: 40 }, (_, i) => makeRecord({ id: `r${i}`, title: `Garden ${i}`, mediaType }));
    await withStore(theirs, async (store) => {
      await store.records.upsertMany(shelf('dvd'));
      await mediaTypes(store, 'garden');
    });
    await withStore(mine, (store) => store.records.upsertMany(shelf('book')));
    fs.copyFileSync(snapshotOf(theirs), snapshotOf(mine));
    await withStore(mine, async (store) => {
      assert.deepEqual(await mediaTypes(store, 'garden'), [{ value: 'book', count: 40 }]);
    });
  });

  it('is rebuilt when its file is damaged', async (t) => {
    const dataDir = tempDir(t);
    await withStore(dataDir, (store) => store.records.upsertMany(catalogue));
    fs.writeFileSync(snapshotOf(dataDir), 'shelfmark facet index 1\nnot what it should be');
    await withStore(dataDir, async (store) => {
      assert.deepEqual(await mediaTypes(store, 'emma'), [{ value: 'audiobook', count: 1 }, { value: 'book', count: 1 }]);
    });
  });

  it('is built once for a pool of workers searching at the same time, and every one of them counts right', async (t) => {
    const dataDir = tempDir(t);
    await withStore(dataDir, (store) => store.records.upsertMany(catalogue));
    await withStore(dataDir, async (store) => {
      const all = await Promise.all(Array.from({ length: 6 }, () => mediaTypes(store, 'emma')));
      for (const counts of all) assert.deepEqual(counts, [{ value: 'audiobook', count: 1 }, { value: 'book', count: 1 }]);
    }, 2);
    assert.equal(fs.existsSync(snapshotOf(dataDir)), true);
  });

  it('is loaded by a pool of workers as it starts, before any member searches', async (t) => {
    const dataDir = tempDir(t);
    await withStore(dataDir, (store) => store.records.upsertMany(catalogue));
    await withStore(dataDir, async () => {
      // Polled, not timed: the first worker writes the file once it has built the index.
      for (let i = 0; i < 600 && !fs.existsSync(snapshotOf(dataDir)); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(fs.existsSync(snapshotOf(dataDir)), true);
    }, 2);
  });
});

describe('searches matching many records', () => {
  /** 600 records whose titles hold "gold" one to four times in four words, so the score rises with the count. */
  function goldShelf(): CatalogueRecord[] {
    return Array.from({ length: 600 }, (_, i) => {
      const golds = (i % 4) + 1;
      const words = [...Array<string>(golds).fill('gold'), ...Array<string>(4 - golds).fill('lead')];
      return makeRecord({ id: `r${String(i).padStart(3, '0')}`, title: words.join(' '), mediaType: i % 2 === 0 ? 'book' : 'dvd' });
    });
  }
  const expected = (records: CatalogueRecord[], keep: (r: CatalogueRecord) => boolean) =>
    records.filter(keep).sort((a, b) => b.title.split('gold').length - a.title.split('gold').length || (a.id < b.id ? -1 : 1)).map((r) => r.id);

  it('rank the records holding the word most first, ties by id, on every page, with and without a filter', async (t) => {
    const dataDir = tempDir(t);
    const shelf = goldShelf();
    await withStore(dataDir, async (store) => {
      await store.records.upsertMany(shelf);
      const all = expected(shelf, () => true);
      const first = await store.records.search(query({ clauses: [clause('gold')], limit: 20 }));
      assert.equal(first.total, 600);
      assert.deepEqual(ids(first), all.slice(0, 20));
      const sixth = await store.records.search(query({ clauses: [clause('gold')], limit: 20, offset: 140 }));
      assert.deepEqual(ids(sixth), all.slice(140, 160));
      const books = await store.records.search(query({ clauses: [clause('gold')], filters: [{ field: 'mediaType', value: 'book' }], limit: 30 }));
      assert.equal(books.total, 300);
      assert.deepEqual(ids(books), expected(shelf, (r) => r.mediaType === 'book').slice(0, 30));
    });
  });

  it('order hundreds of records with the same score by id', async (t) => {
    const dataDir = tempDir(t);
    const same = Array.from({ length: 500 }, (_, i) => makeRecord({ id: `s${String(499 - i).padStart(3, '0')}`, title: 'Silver' }));
    await withStore(dataDir, async (store) => {
      await store.records.upsertMany(same);
      const first = await store.records.search(query({ clauses: [clause('silver')], limit: 10 }));
      assert.deepEqual(ids(first), Array.from({ length: 10 }, (_, i) => `s00${i}`));
      const deeper = await store.records.search(query({ clauses: [clause('silver')], limit: 10, offset: 200 }));
      assert.deepEqual(ids(deeper), Array.from({ length: 10 }, (_, i) => `s${200 + i}`));
    });
  });

  it('count facets exactly when the word is in nearly every record', async (t) => {
    const dataDir = tempDir(t);
    const records = Array.from({ length: 50 }, (_, i) => makeRecord({
      id: `c${i}`,
      title: i < 47 ? `Common ${i}` : `Rare ${i}`,
      mediaType: i % 5 === 0 ? 'dvd' : 'book',
      languages: i % 2 === 0 ? ['eng'] : ['fre'],
    }));
    await withStore(dataDir, async (store) => {
      await store.records.upsertMany(records);
      const result = await store.records.search(query({ clauses: [clause('common')] }));
      const hits = records.slice(0, 47);
      assert.equal(result.total, 47);
      assert.deepEqual(result.facets.mediaType, [
        { value: 'book', count: hits.filter((r) => r.mediaType === 'book').length },
        { value: 'dvd', count: hits.filter((r) => r.mediaType === 'dvd').length },
      ]);
      assert.deepEqual(result.facets.language.map((f) => f.count).sort(), [23, 24]);
    });
  });
});
