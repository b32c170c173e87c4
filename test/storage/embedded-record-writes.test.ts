import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { DEFERRABLE_INDEXES } from '../../src/storage/embedded/schema.js';
import { readSnapshot, snapshotFileOf } from '../../src/storage/embedded/facet-snapshot.js';
import { FACET_FIELDS } from '../../src/model/search-query.js';
import { splitFacetPairs } from '../../src/storage/embedded/facet-pairs.js';
import { facetPairs } from '../../src/storage/record-keys.js';
import type { Store } from '../../src/storage/store.js';
import { recordRow } from '../../src/storage/embedded/record-rows.js';
import { importItems } from '../../src/import/import-items.js';
import { catalogue, emma, janeEyre } from './fixtures.js';
import { clause, ids, query } from './contract/helpers.js';

async function freshStore(t: import('node:test').TestContext) {
  return (await freshStoreIn(t)).store;
}

async function freshStoreIn(t: import('node:test').TestContext) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-writes-'));
  const store = await openEmbeddedStore({ dataDir });
  t.after(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { store, dataDir };
}

/** The deferrable indexes the store file holds now, read through a connection of its own. */
function indexesIn(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
  try {
    const names = new Set(db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all());
    return DEFERRABLE_INDEXES.map((i) => i.name).filter((name) => names.has(name));
  } finally {
    db.close();
  }
}

/** What members see of a catalogue: each browse order, a word, a facet filter and the facet counts. */
async function views(store: Store) {
  const seen: unknown[] = [];
  for (const sort of ['title', 'author', 'newest', 'oldest'] as const) seen.push(ids(await store.records.search(query({ sort }))));
  seen.push(ids(await store.records.search(query({ clauses: [clause('emma')] }))));
  const filtered = await store.records.search(query({ filters: [{ field: 'mediaType', value: 'book' }], sort: 'title' }));
  seen.push(ids(filtered), filtered.facets);
  return seen;
}

const ALL = DEFERRABLE_INDEXES.map((i) => i.name);

it('a bulk load into an empty catalogue runs without the secondary indexes and builds them at its end, with the same results', async (t) => {
  const plain = await freshStore(t);
  await plain.records.upsertMany(catalogue);
  const { store, dataDir } = await freshStoreIn(t);
  assert.deepEqual(indexesIn(dataDir), ALL);
  const during = await store.records.bulkLoad!(async () => {
    await store.records.upsertMany(catalogue.slice(0, 3));
    await store.records.upsertMany(catalogue.slice(3));
    return { indexes: indexesIn(dataDir), views: await views(store) };
  });
  assert.deepEqual(during.indexes, [], 'dropped during the load');
  assert.deepEqual(indexesIn(dataDir), ALL, 'built again at its end');
  const expected = await views(plain);
  assert.deepEqual(during.views, expected, 'right while loading too');
  assert.deepEqual(await views(store), expected);
  // Unchanged records stay unchanged after a bulk load.
  assert.deepEqual(await store.records.upsertMany(catalogue), { added: 0, updated: 0, unchanged: catalogue.length });
});

it('a bulk load into an empty catalogue leaves what a first start reads: the whole-catalogue counts for its version and the facet index snapshot', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  const file = path.join(dataDir, 'shelfmark.db');
  const stored = () => {
    const db = new Database(file, { readonly: true });
    try {
      const version = db.prepare<[], string>("SELECT generation || ':' || version FROM catalogue_version").pluck().get();
      return db.prepare<[], string>('SELECT version FROM facet_counts').pluck().all().filter((v) => v === version).length;
    } finally {
      db.close();
    }
  };
  fs.rmSync(`${file}-facets`, { force: true });
  await store.records.bulkLoad!(async () => {
    await store.records.upsertMany(catalogue);
  });
  assert.equal(stored(), 1, 'the counts of the version the load ended at');
  assert.ok(fs.existsSync(`${file}-facets`), 'the facet index snapshot');
  // Counted from the index the load followed: every value of every record, as many times as records hold it.
  const db = new Database(file, { readonly: true });
  const counts = JSON.parse(db.prepare<[], string>('SELECT counts FROM facet_counts').pluck().get()!) as Record<string, Array<{ value: string; count: number }>>;
  db.close();
  const expected = new Map<string, number>();
  for (const record of catalogue) for (const [field, value] of facetPairs(record)) expected.set(`${field}=${value}`, (expected.get(`${field}=${value}`) ?? 0) + 1);
  const held = Object.entries(counts).flatMap(([field, list]) => list.map(({ value, count }) => [`${field}=${value}`, count] as const));
  assert.deepEqual(new Map(held), expected);
  // Later loads into a catalogue that holds records leave that to the first search that needs it.
  await store.records.bulkLoad!(async () => {
    await store.records.upsertMany([{ ...emma, title: 'Emma Revisited' }]);
  });
  assert.equal(stored(), 0);
});

it('a bulk load into a catalogue that holds records keeps its indexes, and a failed load still leaves them built', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  await store.records.upsertMany([emma]);
  await store.records.bulkLoad!(async () => {
    await store.records.upsertMany([janeEyre]);
    assert.deepEqual(indexesIn(dataDir), ALL);
  });
  await store.records.clear();
  await assert.rejects(store.records.bulkLoad!(async () => {
    await store.records.upsertMany([emma]);
    assert.deepEqual(indexesIn(dataDir), []);
    throw new Error('the file could not be read');
  }), /could not be read/);
  assert.deepEqual(indexesIn(dataDir), ALL);
});

it('opening a store whose bulk load was killed builds the indexes it had dropped', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  await store.records.upsertMany(catalogue);
  await store.close();
  const db = new Database(path.join(dataDir, 'shelfmark.db'));
  for (const name of ALL) db.exec(`DROP INDEX ${name}`);
  db.close();
  const reopened = await openEmbeddedStore({ dataDir });
  t.after(() => reopened.close());
  assert.deepEqual(indexesIn(dataDir), ALL);
  assert.equal((await reopened.records.search(query({ sort: 'title' }))).total, catalogue.length);
});

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

/** Each record's facet values as the store holds them, a row per value: id, field, value, sorted. */
function facetRows(db: Database.Database) {
  return db.prepare<[], { id: string; pairs: string }>('SELECT id, facet_pairs AS pairs FROM records').all()
    .flatMap(({ id, pairs }) => splitFacetPairs(pairs).map((pair) => {
      const [field, value] = pair.split('\u001f');
      return { id, field, value };
    }))
    .sort((a, b) => `${a.id}\u0000${a.field}\u0000${a.value}` < `${b.id}\u0000${b.field}\u0000${b.value}` ? -1 : 1);
}

// A bulk load drops indexes and follows its writes in a facet index of its own: the values stored must be the same.
it('a bulk load writes the same facet values as a plain load, a record given twice keeping only its last', async (t) => {
  const last = { ...emma, title: 'Emma Final', mediaType: 'audiobook' as const, subjects: ['Matchmaking'] };
  const load = async (bulk: boolean) => {
    const { store, dataDir } = await freshStoreIn(t);
    const work = async () => {
      await store.records.upsertMany([emma, ...catalogue.slice(0, 3), last]);
      await store.records.upsertMany(catalogue.slice(3));
    };
    await (bulk ? store.records.bulkLoad!(work) : work());
    const db = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
    try {
      return facetRows(db);
    } finally {
      db.close();
    }
  };
  const plain = await load(false);
  assert.ok(plain.some((row) => (row as { value: string }).value === 'Matchmaking'));
  assert.ok(!plain.some((row) => (row as { value: string }).value === 'Courtship' && (row as { id: string }).id === emma.id));
  assert.deepEqual(await load(true), plain);
});

/** Each record's facet values as the snapshot file beside the store holds them, and as the records do. */
function snapshotAndTable(dataDir: string) {
  const file = path.join(dataDir, 'shelfmark.db');
  const snapshot = readSnapshot(snapshotFileOf(file)!);
  assert.ok(snapshot, 'a snapshot was written');
  const held = new Map<number, string[]>();
  let at = 0;
  snapshot.lengths.forEach((n, rid) => {
    if (n > 0) held.set(rid, Array.from(snapshot.pool.subarray(at, at + n), (id) => `${FACET_FIELDS[snapshot.valueField[id]!]}=${snapshot.valueText[id]}`).sort());
    at += n;
  });
  const db = new Database(file, { readonly: true });
  try {
    const stored = new Map<number, string[]>();
    for (const { rid, pairs } of db.prepare<[], { rid: number; pairs: string }>('SELECT rowid AS rid, facet_pairs AS pairs FROM records').iterate()) {
      if (pairs !== '') stored.set(rid, splitFacetPairs(pairs).map((pair) => pair.replace('\u001f', '=')).sort());
    }
    const version = db.prepare<[], number>('SELECT version FROM catalogue_version').pluck().get();
    return { held, stored, snapshotVersion: snapshot.version, version };
  } finally {
    db.close();
  }
}

// The load writes the snapshot from the values it writes, rather than reading them all back at its end.
it('a bulk load into an empty catalogue writes the facet index snapshot of exactly what it wrote, a record written again included', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  const again = { ...emma, mediaType: 'audiobook' as const, subjects: ['Matchmaking'] };
  await store.records.bulkLoad!(async () => {
    await store.records.upsertMany(catalogue);
    await store.records.upsertMany([again]);
  });
  const { held, stored, snapshotVersion, version } = snapshotAndTable(dataDir);
  assert.equal(snapshotVersion, version);
  assert.ok([...stored.values()].some((pairs) => pairs.includes('subject=Matchmaking')));
  assert.ok(![...held.values()].some((pairs) => pairs.includes('mediaType=book') && pairs.includes('subject=Matchmaking')));
  assert.deepEqual(held, stored);
});

it('a bulk load that another writer wrote into meanwhile leaves a snapshot of the whole catalogue, the other record included', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  const other = await openEmbeddedStore({ dataDir });
  t.after(() => other.close());
  await store.records.bulkLoad!(async () => {
    await store.records.upsertMany(catalogue.slice(0, 3));
    await other.records.upsertMany([{ ...janeEyre, id: 'other-writer', subjects: ['Written elsewhere'] }]);
    await store.records.upsertMany(catalogue.slice(3));
  });
  const { held, stored, snapshotVersion, version } = snapshotAndTable(dataDir);
  assert.equal(snapshotVersion, version);
  assert.ok([...held.values()].some((pairs) => pairs.includes('subject=Written elsewhere')));
  assert.deepEqual(held, stored);
});

it('a batch written in parts is committed as one: no other connection sees it before, and a part that fails takes the whole batch back', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  const countElsewhere = () => {
    const db = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
    try {
      return db.prepare<[], number>('SELECT count(*) FROM records').pluck().get();
    } finally {
      db.close();
    }
  };
  const writer = store.records.batchWriter!()!;
  assert.deepEqual(writer.write(catalogue.slice(0, 3).map(recordRow)), { added: 3, updated: 0, unchanged: 0 });
  assert.deepEqual(writer.write(catalogue.slice(3).map(recordRow)), { added: catalogue.length - 3, updated: 0, unchanged: 0 });
  assert.equal(countElsewhere(), 0, 'nothing committed yet');
  writer.commit();
  assert.equal(countElsewhere(), catalogue.length);

  const revised = { ...emma, title: 'Emma, revised' };
  assert.deepEqual(writer.write([recordRow(revised)]), { added: 0, updated: 1, unchanged: 0 });
  assert.throws(() => writer.write([{ ...recordRow(janeEyre), id: 'broken', doc: null as unknown as string }]), /NOT NULL/);
  assert.equal((await store.records.get(emma.id))!.title, emma.title, 'the batch’s earlier part went back too');
  assert.equal(await store.records.get('broken'), null);
  // The writer goes on with a batch of its own.
  writer.write([recordRow(revised)]);
  writer.commit();
  assert.equal((await store.records.get(emma.id))!.title, 'Emma, revised');
  assert.equal(countElsewhere(), catalogue.length);
});

// Two things keep a rolled-back part out of the snapshot: the batch forgets the parts it rolled back, and the
// load's end does not adopt a facet index that counted a version the catalogue never reached. Each covers
// for the other, so this fails only when both are gone (the version check alone fails the other-writer test above).
it('a first load whose batch failed and was rolled back leaves a facet index of what was committed only', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  await store.records.bulkLoad!(async () => {
    const writer = store.records.batchWriter!()!;
    writer.write(catalogue.slice(0, 2).map(recordRow));
    writer.commit();
    // More records rolled back than are written after them, so some of their row ids are never used again.
    writer.write(['a', 'b', 'c'].map((x) => recordRow({ ...janeEyre, id: `rolled-back-${x}`, subjects: ['Never committed'] })));
    assert.throws(() => writer.write([{ ...recordRow(emma), id: 'broken', doc: null as unknown as string }]), /NOT NULL/);
    writer.write(catalogue.slice(2, 3).map(recordRow));
    writer.commit();
  });
  const { held, stored, snapshotVersion, version } = snapshotAndTable(dataDir);
  assert.equal(snapshotVersion, version);
  assert.ok(![...held.values()].some((pairs) => pairs.includes('subject=Never committed')));
  assert.equal(held.size, 3);
  assert.deepEqual(held, stored);
});

it('an import into an empty catalogue, written in parts, leaves the facet index snapshot of exactly what it committed', async (t) => {
  const { store, dataDir } = await freshStoreIn(t);
  const again = { ...emma, mediaType: 'audiobook' as const, subjects: ['Matchmaking'] };
  const items = [...catalogue, again].map((record, i) => ({
    ok: true as const, record, position: { file: 'f.mrc', recordNumber: i + 1 }, warnings: [], prepared: { unmapped: [], row: recordRow(record) },
  }));
  let parts = 0;
  const records: Store['records'] = {
    ...store.records,
    batchWriter: () => {
      const writer = store.records.batchWriter!()!;
      return { ...writer, write: (rows) => (parts++, writer.write(rows)) };
    },
  };
  const counts = await importItems((async function* () { yield* items; })(), { records });
  assert.equal(parts, 1);
  assert.deepEqual([counts.added, counts.duplicates], [catalogue.length, 1]);
  const { held, stored, snapshotVersion, version } = snapshotAndTable(dataDir);
  assert.equal(snapshotVersion, version);
  assert.ok([...held.values()].some((pairs) => pairs.includes('subject=Matchmaking')));
  assert.deepEqual(held, stored);
});
