import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BATCH_SIZE, PART_SIZE, importItems } from '../../src/import/import-items.js';
import { recordRow } from '../../src/storage/embedded/record-rows.js';
import { emptyCounts } from '../../src/storage/import-run-store.js';
import type { ReadItem } from '../../src/import/types.js';
import { emma } from '../storage/fixtures.js';
import { freshStore } from './helpers.js';

/** `n` records as the reading thread prepares them, then, if `fail`, the file fails. */
async function* records(n: number, fail: boolean): AsyncIterable<ReadItem> {
  for (let i = 0; i < n; i++) {
    const record = { ...emma, id: `rec-${i}`, title: `Title ${i}` };
    yield { ok: true, record, position: { file: 'f.mrc', recordNumber: i + 1 }, warnings: [], prepared: { unmapped: [], row: recordRow(record) } };
  }
  if (fail) throw new Error('the file could not be read any further');
}

// The embedded store takes each batch in parts, in one transaction: a part written is not yet a batch committed.
for (const [read, kept] of [[PART_SIZE * 2 + 7, 0], [BATCH_SIZE + PART_SIZE + 7, BATCH_SIZE]] as const) {
  test(`an import that fails after ${read} records keeps ${kept}: its whole batches, nothing of the batch in hand, and counts only those`, async (t) => {
    const { store } = await freshStore(t);
    const counts = emptyCounts();
    let batches = 0;
    await assert.rejects(importItems(records(read, true), store, { onBatch: () => batches++ }, counts), /could not be read any further/);
    assert.equal(await store.records.count(), kept);
    assert.equal(counts.added, kept);
    assert.equal(batches, kept / BATCH_SIZE);
    // The store takes writes again, and a second run completes the job.
    const again = await importItems(records(read, false), store);
    assert.deepEqual([again.added, again.unchanged], [read - kept, kept]);
    assert.equal(await store.records.count(), read);
  });
}

// Parts hold the write lock while the rest of the batch is read: only worth it while no one is served from the records.
test('into a catalogue that holds records, an import writes each batch whole, in a transaction of its own', async (t) => {
  const { store } = await freshStore(t);
  assert.ok(store.records.batchWriter!(), 'an empty catalogue is loaded in parts');
  await importItems(records(3, false), store);
  assert.equal(store.records.batchWriter!(), undefined);
  const batches: number[] = [];
  const withCount: typeof store.records = { ...store.records, upsertRows: async (rows) => (batches.push(rows.length), store.records.upsertRows!(rows)) };
  const counts = await importItems(records(PART_SIZE + 3, false), { records: withCount });
  assert.deepEqual(batches, [PART_SIZE + 3]);
  assert.deepEqual([counts.added, counts.unchanged], [PART_SIZE, 3]);
});
