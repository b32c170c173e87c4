import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { emma, janeEyre } from './fixtures.js';
import { rowOf } from '../../src/storage/embedded/record-rows.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// The embedded store reads the catalogue version once per turn of the event loop for all who ask in it.
it('the catalogue version: one read per turn, a write through the store read at once, another instance’s by the next turn', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-version-'));
  dirs.push(dataDir);
  const here = await openEmbeddedStore({ dataDir });
  const elsewhere = await openEmbeddedStore({ dataDir });
  try {
    const before = await here.records.version();
    await here.records.upsertMany([emma]);
    const own = await here.records.version();
    assert.notEqual(own, before, 'its own write, in the same turn');

    await nextTurn();
    assert.equal(await here.records.version(), own);
    await elsewhere.records.upsertMany([janeEyre]);
    assert.equal(await here.records.version(), own, 'within the turn, the version read at its start');
    await nextTurn();
    const other = await here.records.version();
    assert.notEqual(other, own, 'another instance’s write, by the next turn');
    assert.equal(other, await elsewhere.records.version());
  } finally {
    await here.close();
    await elsewhere.close();
  }
});

it('a batch rolled back leaves the version it found, in the same turn', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-version-'));
  dirs.push(dataDir);
  const store = await openEmbeddedStore({ dataDir });
  try {
    const before = await store.records.version();
    const writer = store.records.batchWriter!()!;
    writer.write([rowOf(emma)]);
    await nextTurn();
    assert.notEqual(await store.records.version(), before, 'inside the open batch, its own write shows');
    writer.rollback();
    assert.equal(await store.records.version(), before);
  } finally {
    await store.close();
  }
});
