import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { createRecordWrites } from '../../src/storage/embedded/record-writes.js';
import { LOAD_CHECKPOINT_PAGES } from '../../src/storage/embedded/load-checkpoints.js';
import { catalogue } from './fixtures.js';
import { storeConnection } from './store-connection.js';

const autocheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true });

it('a load checkpoints the log less often while it runs, and puts the setting back after, also when it fails', async (t) => {
  const db = storeConnection(t);
  const writes = createRecordWrites(db);
  const seen: unknown[] = [];
  await writes.bulkLoad(async () => {
    seen.push(autocheckpoint(db));
    // A second load inside the first leaves the setting to the outer one.
    await writes.bulkLoad(async () => writes.upsertMany(catalogue));
    seen.push(autocheckpoint(db));
  });
  seen.push(autocheckpoint(db));
  await assert.rejects(writes.bulkLoad(async () => {
    seen.push(autocheckpoint(db));
    throw new Error('the file ended');
  }), /the file ended/);
  seen.push(autocheckpoint(db));
  assert.deepEqual(seen, [LOAD_CHECKPOINT_PAGES, LOAD_CHECKPOINT_PAGES, 1000, LOAD_CHECKPOINT_PAGES, 1000]);
});

it('a load leaves a connection whose checkpoints another thread makes (wal_autocheckpoint 0) as it is', async (t) => {
  const db = storeConnection(t);
  db.pragma('wal_autocheckpoint = 0');
  const writes = createRecordWrites(db);
  let during: unknown;
  await writes.bulkLoad(async () => {
    during = autocheckpoint(db);
    writes.upsertMany(catalogue);
  });
  assert.deepEqual([during, autocheckpoint(db)], [0, 0]);
});

it('a load ends by copying its log into the file, so what follows reads the table from the file', async (t) => {
  const db = storeConnection(t);
  const writes = createRecordWrites(db);
  // In WAL mode the file grows only when a checkpoint copies pages into it; a load this small reaches no automatic one.
  const before = fs.statSync(db.name).size;
  await writes.bulkLoad(async () => writes.upsertMany(catalogue));
  assert.ok(fs.statSync(db.name).size > before, `the file grew from ${before} bytes`);
});
