import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { makeRecord } from './fixtures.js';
import { idsMatching } from './contract/helpers.js';

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
});

describe('upgrading an embedded store to member disabling (migration 11)', () => {
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
