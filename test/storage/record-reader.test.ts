import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { createRecordReader } from '../../src/storage/embedded/record-reader.js';
import { recordReads, type RecordReads } from '../../src/storage/embedded/record-reads.js';
import { makeRecord } from './fixtures.js';

/** A store file holding records a, b and c; the serving thread's reads on it, counted. */
async function storeWithRecords(t: import('node:test').TestContext): Promise<{ file: string; here: RecordReads & { calls: number } }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-reader-'));
  const store = await openEmbeddedStore({ dataDir });
  await store.records.upsertMany(['a', 'b', 'c'].map((id) => makeRecord({ id, title: `Title ${id}` })));
  await store.close();
  const file = path.join(dataDir, 'shelfmark.db');
  const db = new Database(file, { readonly: true });
  t.after(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const reads = recordReads(db);
  const here = {
    calls: 0,
    docs(ids: readonly string[]) {
      here.calls++;
      return reads.docs(ids);
    },
  };
  return { file, here };
}

/** Each id found and its document's title, by id. */
const titles = (docs: Map<string, string>) => [...docs].map(([id, doc]) => [id, (JSON.parse(doc) as { title: string }).title]).sort();

test('once its worker has started, documents are read on it, not on the serving thread', async (t) => {
  const { file, here } = await storeWithRecords(t);
  const reader = createRecordReader(file, here);
  t.after(() => reader.close());
  // Polled, not timed: the worker loads its code first.
  for (let i = 0; i < 600 && !reader.started(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(reader.started(), 'the worker started');
  assert.deepEqual(titles(await reader.docs(['b', 'missing', 'a'])), [['a', 'Title a'], ['b', 'Title b']]);
  assert.deepEqual(titles(await reader.docs(['c'])), [['c', 'Title c']]);
  assert.deepEqual(titles(await reader.docs(['missing'])), []);
  assert.equal(here.calls, 0, 'the serving thread read nothing');
  assert.equal(reader.answered(), 3);
  // Asked in one turn, they go as one message, and each is answered with its own ids only.
  const [one, two, three] = await Promise.all([reader.docs(['a']), reader.docs(['c', 'b']), reader.docs(['missing', 'a'])]);
  assert.deepEqual([titles(one), titles(two), titles(three)], [[['a', 'Title a']], [['b', 'Title b'], ['c', 'Title c']], [['a', 'Title a']]]);
  assert.equal(here.calls, 0);
  assert.equal(reader.answered(), 6);
});

test('until its worker has started, the serving thread answers, with the same documents', async (t) => {
  const { file, here } = await storeWithRecords(t);
  const reader = createRecordReader(file, here);
  t.after(() => reader.close());
  // The worker's "started" comes as a message, so no worker can have started yet.
  assert.equal(reader.started(), false);
  assert.deepEqual(titles(await reader.docs(['c', 'a'])), [['a', 'Title a'], ['c', 'Title c']]);
  assert.equal(here.calls, 1);
  assert.equal(reader.answered(), 0);
});

test('reads still waiting when the reader closes are answered by the serving thread', async (t) => {
  const { file, here } = await storeWithRecords(t);
  const reader = createRecordReader(file, here);
  for (let i = 0; i < 600 && !reader.started(); i++) await new Promise((r) => setTimeout(r, 100));
  const waiting = reader.docs(['b']);
  await reader.close();
  assert.deepEqual(titles(await waiting), [['b', 'Title b']]);
  assert.equal(here.calls, 1, 'the waiting read was answered here');
  assert.deepEqual(titles(await reader.docs(['a'])), [['a', 'Title a']], 'and so are reads after');
  assert.equal(here.calls, 2);
});
