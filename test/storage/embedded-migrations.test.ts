import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { PAGE_BYTES, SEARCH_KIND_MIGRATION } from '../../src/storage/embedded/schema.js';
import { makeRecord } from './fixtures.js';
import { idsMatching } from './contract/helpers.js';
import { snapshotFileOf } from '../../src/storage/embedded/facet-snapshot.js';
import { splitFacetPairs } from '../../src/storage/embedded/facet-pairs.js';
import type { StoreSearchQuery } from '../../src/model/search-query.js';

describe('upgrading an embedded store', () => {
  it('re-indexes text stored before Ł, Ø and ß were folded, so "lodz" finds "Łódź"', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-migrate-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const first = await openEmbeddedStore({ dataDir });
    await first.records.upsertMany([makeRecord({ id: 'lodz', title: 'Ziemia obiecana: Łódź' })]);
    await first.close();

    // Put the store back the way version 5 left it: the title indexed with its Ł, and no change tracking.
    const db = new Database(path.join(dataDir, 'shelfmark.db'));
    db.exec(`DELETE FROM records_fts; INSERT INTO records_fts (rowid, title) SELECT rowid, 'Ziemia obiecana: Łódź' FROM records`);
    db.exec('DROP INDEX records_changed; ALTER TABLE records DROP COLUMN changed; ALTER TABLE catalogue_version DROP COLUMN generation; DROP TABLE facet_counts; DROP TABLE send_limits');
    db.pragma('user_version = 5');
    db.close();

    const upgraded = await openEmbeddedStore({ dataDir });
    t.after(() => upgraded.close());
    assert.deepEqual(await idsMatching(upgraded, 'lodz'), ['lodz']);
    assert.deepEqual(await idsMatching(upgraded, 'obiecana'), ['lodz']);
    const facets = (await upgraded.records.search({ clauses: [], filters: [], sort: 'newest', offset: 0, limit: 1, facetLimit: 5 })).facets;
    assert.deepEqual(facets.mediaType, [{ value: 'book', count: 1 }], 'facets are counted after the upgrade');
  });

  it('keeps reservations made before the queue: they held a copy, so they read as in transit, and a queue can form behind them', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-migrate-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    await (await openEmbeddedStore({ dataDir })).close();

    // The reservations table as migration 2 made it (item_id NOT NULL, no stage), at version 10.
    const db = new Database(path.join(dataDir, 'shelfmark.db'));
    db.exec(`
      DROP TABLE reservations;
      CREATE TABLE reservations (
        id TEXT PRIMARY KEY, member_id TEXT NOT NULL, record_id TEXT NOT NULL, item_id TEXT NOT NULL,
        pickup_branch TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, cancelled_at INTEGER
      );
      CREATE UNIQUE INDEX reservations_item_active ON reservations (item_id) WHERE status = 'active';
      CREATE UNIQUE INDEX reservations_member_record_active ON reservations (member_id, record_id) WHERE status = 'active';
      INSERT INTO reservations VALUES ('old', 'm1', 'r1', 'only', 'Central', 'active', 5, NULL), ('gone', 'm1', 'r2', 'x', 'Central', 'cancelled', 4, 6);
    `);
    db.pragma('user_version = 10');
    db.close();

    const upgraded = await openEmbeddedStore({ dataDir });
    t.after(() => upgraded.close());
    assert.deepEqual(await upgraded.reservations.listForMember('m1'), [
      { id: 'old', memberId: 'm1', recordId: 'r1', itemId: 'only', pickupBranch: 'Central', status: 'active', stage: 'in-transit', createdAt: 5 },
      { id: 'gone', memberId: 'm1', recordId: 'r2', itemId: 'x', pickupBranch: 'Central', status: 'cancelled', stage: 'in-transit', createdAt: 4, cancelledAt: 6 },
    ]);
    const queued = await Promise.all(['m2', 'm3'].map((memberId) => upgraded.reservations.reserve({ id: `q-${memberId}`, memberId, recordId: 'r1', itemIds: ['only'], pickupBranch: 'Central', now: 7, limit: 5 })));
    assert.deepEqual(queued.map((q) => (q.outcome === 'queued' ? q.reservation.position : 0)).sort(), [1, 2]);
  });

  it('keeps searches logged before kinds were recorded, as typed searches, so old reports keep their figures', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-migrate-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const first = await openEmbeddedStore({ dataDir });
    await first.close();
    const db = new Database(path.join(dataDir, 'shelfmark.db'));
    db.exec('ALTER TABLE search_log DROP COLUMN kind');
    db.prepare("INSERT INTO search_log (id, at, query, filters, results, page, visit) VALUES (randomblob(16), ?, 'emma', '[]', 0, 1, '')").run(Date.parse('2026-11-20T09:00:00Z'));
    db.pragma(`user_version = ${SEARCH_KIND_MIGRATION - 1}`);
    db.close();

    const upgraded = await openEmbeddedStore({ dataDir });
    t.after(() => upgraded.close());
    const day = Date.parse('2026-11-20T00:00:00Z');
    assert.deepEqual((await upgraded.searchLog.list(day, day + 86_400_000)).map((e) => e.kind), ['typed']);
    assert.deepEqual(await upgraded.searchLog.daily(day, day + 86_400_000), [{ day: '2026-11-20', searches: 1, zeroResults: 1 }]);
  });
});

describe('upgrading an embedded store to member disabling (migration 13)', () => {
  it('keeps every member active, and a card can then be disabled', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-migrate-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const first = await openEmbeddedStore({ dataDir });
    const ada = { id: 'm-ada', card: '1001', pinHash: 'scrypt$x', name: 'Ada Lovelace', email: 'ada@example.org', homeBranch: 'Central', role: 'member' as const, createdAt: 1 };
    await first.members.add(ada);
    await first.close();

    // Put the store back the way version 10 left it: no disabled_at column, no name index.
    const db = new Database(path.join(dataDir, 'shelfmark.db'));
    db.exec('DROP INDEX members_name; ALTER TABLE members DROP COLUMN disabled_at');
    db.pragma('user_version = 10');
    db.close();

    const upgraded = await openEmbeddedStore({ dataDir });
    t.after(() => upgraded.close());
    assert.deepEqual(await upgraded.members.get('m-ada'), ada);
    assert.equal(await upgraded.members.setDisabled('m-ada', 5), true);
    assert.equal((await upgraded.members.getByCard('1001'))?.disabledAt, 5);
  });
});

describe('upgrading an embedded store to a larger full-text buffer (migration 14)', () => {
  const hashsize = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[], number>(`SELECT v FROM records_fts_config WHERE k = 'hashsize'`).pluck().get();
    } finally {
      db.close();
    }
  };

  it('sets FTS5 to keep 16 MB of words in memory before writing a segment, and keeps the records searchable', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-migrate-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const file = path.join(dataDir, 'shelfmark.db');
    const first = await openEmbeddedStore({ dataDir });
    await first.records.upsertMany([makeRecord({ id: 'emma', title: 'Emma' })]);
    await first.close();
    assert.equal(hashsize(file), 16 << 20, 'a new store has it');

    // Put the store back the way version 13 left it: FTS5's default buffer (the config table can only be written through FTS5).
    const db = new Database(file);
    db.exec(`INSERT INTO records_fts (records_fts, rank) VALUES ('hashsize', ${1 << 20})`);
    db.pragma('user_version = 13');
    db.close();
    assert.equal(hashsize(file), 1 << 20);

    const upgraded = await openEmbeddedStore({ dataDir });
    t.after(() => upgraded.close());
    assert.equal(hashsize(file), 16 << 20);
    await upgraded.records.upsertMany([makeRecord({ id: 'persuasion', title: 'Persuasion' })]);
    assert.deepEqual(await idsMatching(upgraded, 'emma'), ['emma']);
    assert.deepEqual(await idsMatching(upgraded, 'persuasion'), ['persuasion']);
  });
});

describe('upgrading an embedded store to facet values kept with each record (migration 15)', () => {
  /** Each record's facet values, "field<US>value" sorted, by id. */
  const valuesIn = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare<[], { id: string; pairs: string }>('SELECT id, facet_pairs AS pairs FROM records ORDER BY id').all();
      const tables = db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'facets'`).pluck().all();
      return { values: Object.fromEntries(rows.map(({ id, pairs }) => [id, splitFacetPairs(pairs).sort()])), tables };
    } finally {
      db.close();
    }
  };

  it('moves the facet rows of each record into the record, drops the table, and filters, sorts and counts as before', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-migrate-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const file = path.join(dataDir, 'shelfmark.db');
    const first = await openEmbeddedStore({ dataDir });
    await first.records.upsertMany([
      makeRecord({ id: 'emma', title: 'Emma', year: 1815, authors: ['Austen, Jane'], subjects: ['Matchmaking', 'Courtship'] }),
      makeRecord({ id: 'persuasion', title: 'Persuasion', year: 1817, authors: ['Austen, Jane'], mediaType: 'audiobook', subjects: ['Courtship'] }),
      makeRecord({ id: 'bare', title: 'A record without languages', languages: [] }),
    ]);
    const asked: StoreSearchQuery[] = [
      { clauses: [], filters: [{ field: 'subject', value: 'Courtship' }], sort: 'title', offset: 0, limit: 10, facetLimit: 5 },
      { clauses: [], filters: [], exclude: [{ field: 'mediaType', value: 'audiobook' }], sort: 'newest', offset: 0, limit: 10, facetLimit: 5 },
      { clauses: [], filters: [], sort: 'title', offset: 0, limit: 10, facetLimit: 5 },
    ];
    const before = await Promise.all(asked.map((q) => first.records.search(q)));
    await first.close();
    const stored = valuesIn(file);
    assert.deepEqual(stored.values.emma, ['author\u001fAusten, Jane', 'decade\u001f1810', 'language\u001feng', 'mediaType\u001fbook', 'subject\u001fCourtship', 'subject\u001fMatchmaking']);

    // Put the store back the way version 14 left it: a row per record and value in a table of their own, and no snapshot.
    const db = new Database(file);
    db.exec(`
      CREATE TABLE facets (rid INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (rid, field, value)) WITHOUT ROWID;
      CREATE INDEX facets_by_value ON facets (field, value, rid);
    `);
    const insert = db.prepare('INSERT INTO facets (rid, field, value) VALUES (?, ?, ?)');
    for (const { rid, pairs } of db.prepare<[], { rid: number; pairs: string }>('SELECT rowid AS rid, facet_pairs AS pairs FROM records').all()) {
      for (const pair of splitFacetPairs(pairs)) insert.run(rid, ...pair.split('\u001f'));
    }
    db.exec('ALTER TABLE records DROP COLUMN facet_pairs');
    db.pragma('user_version = 14');
    db.close();
    fs.rmSync(snapshotFileOf(file)!, { force: true });

    const upgraded = await openEmbeddedStore({ dataDir });
    t.after(() => upgraded.close());
    assert.deepEqual(valuesIn(file), { values: stored.values, tables: [] });
    assert.deepEqual(await Promise.all(asked.map((q) => upgraded.records.search(q))), before);
    assert.deepEqual(before[0]!.records.map((r) => r.id), ['emma', 'persuasion']);
    assert.deepEqual(before[1]!.records.map((r) => r.id), ['emma', 'bare']);
  });
});

describe('the page size of an embedded store', () => {
  const pageSize = (dataDir: string) => {
    const db = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
    try {
      return db.pragma('page_size', { simple: true });
    } finally {
      db.close();
    }
  };

  it('is PAGE_BYTES for a new store, and stays so when it is opened again', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-pages-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const store = await openEmbeddedStore({ dataDir });
    await store.records.upsertMany([makeRecord({ id: 'one', title: 'Pages' })]);
    await store.close();
    assert.equal(PAGE_BYTES, 16_384);
    assert.equal(pageSize(dataDir), PAGE_BYTES);
    const again = await openEmbeddedStore({ dataDir });
    t.after(() => again.close());
    assert.equal(pageSize(dataDir), PAGE_BYTES);
    assert.deepEqual(await idsMatching(again, 'pages'), ['one']);
  });

  it('stays what it was for a store created with 4 KiB pages, which reads and writes as before', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-pages-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    // A store as earlier versions created it: SQLite's default page size, set before the first table.
    const db = new Database(path.join(dataDir, 'shelfmark.db'));
    db.pragma('page_size = 4096');
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE made_before (x)');
    db.close();
    const store = await openEmbeddedStore({ dataDir });
    t.after(() => store.close());
    await store.records.upsertMany([makeRecord({ id: 'old', title: 'Small pages' })]);
    assert.equal(pageSize(dataDir), 4096);
    assert.deepEqual(await idsMatching(store, 'small'), ['old']);
  });
});
