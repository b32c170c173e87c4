import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoBulkWriteError } from 'mongodb';
import type { NewImportRun } from '../../../src/storage/import-run-store.js';
import { createImportRunStore, IMPORT_PROBLEM_INDEXES, IMPORT_RUN_INDEXES, onlyRepeats } from '../../../src/storage/mongo/import-run-store.js';
import { incompleteUpsert, UpsertIncomplete } from '../../../src/storage/mongo/upsert-ops.js';
import { emma, janeEyre, miserables } from '../fixtures.js';
import { mingoDb } from './mingo-db.js';

const NOW = 1_700_000_000_000;
const run = (id: string): NewImportRun => ({ id, fileName: 'export.mrc', size: 10, card: 'L1', startedAt: NOW });

function imports() {
  const mingo = mingoDb({ importRuns: IMPORT_RUN_INDEXES, importProblems: IMPORT_PROBLEM_INDEXES });
  return { ...mingo, store: createImportRunStore(mingo.db) };
}

describe('MongoDB import runs: bounded claim, honest counts (run through mingo)', () => {
  it('claims once; a second claim names the run in the way', async () => {
    const { store } = imports();
    assert.deepEqual(await store.claim(run('a'), NOW - 60_000), { claimed: true });
    const second = await store.claim(run('b'), NOW - 60_000);
    assert.equal(second.claimed === false && second.running.id, 'a');
  });

  it('marks a run silent since before the cutoff as failed, then claims', async () => {
    const { store } = imports();
    await store.claim(run('old'), NOW - 60_000);
    assert.deepEqual(await store.claim(run('new'), NOW + 1), { claimed: true });
    assert.equal((await store.get('old'))?.status, 'failed');
  });

  it('tries a bounded number of times when the run in the way keeps vanishing, instead of spinning', async () => {
    const { store, calls } = imports();
    await store.claim(run('a'), NOW - 60_000);
    store.running = async () => null;
    await assert.rejects(store.claim(run('b'), NOW - 60_000), /kept starting and finishing \(3 tries\)/);
    assert.equal(calls.filter((c) => c === 'importRuns.insertOne').length, 1 + 3);
  });

  it('does not retry a duplicate key on anything but the running status', async () => {
    const { store, calls } = imports();
    await store.claim(run('a'), NOW - 60_000);
    await store.finish('a', { status: 'finished', counts: (await store.get('a'))!.counts, error: null, now: NOW });
    await assert.rejects(store.claim(run('a'), NOW - 60_000), (error: Error) => /duplicate key/.test(error.message));
    assert.equal(calls.filter((c) => c === 'importRuns.insertOne').length, 2);
  });

  it('keeps a report whole when a batch is written twice, and throws any other failure', async () => {
    const { store } = imports();
    const line = (seq: number) => ({ seq, kind: 'rejected' as const, recordNumber: seq, reason: 'no title' });
    await store.addProblems('a', [line(1), line(2)]);
    await store.addProblems('a', [line(2), line(3)]);
    assert.deepEqual((await store.problems('a', 0, 10)).map((p) => p.seq), [1, 2, 3]);
    const failure = (...codes: number[]) => new MongoBulkWriteError(
      { message: 'x', code: codes[0], writeErrors: codes.map((code, index) => ({ index, code, errmsg: 'x' })) } as never, {} as never);
    assert.equal(onlyRepeats(failure(11000, 11000)), true);
    assert.equal(onlyRepeats(failure(11000, 10334)), false, 'a later, different failure is not swallowed');
  });
});

describe('MongoDB import writes: counts from a partly failed bulkWrite', () => {
  it('reads err.result for what landed and writeErrors for each record that did not', () => {
    const error = new MongoBulkWriteError(
      { message: 'document too large', code: 10334, writeErrors: [{ index: 1, code: 10334, errmsg: 'document too large' }, { index: 2, code: 2, errmsg: 'bad value' }] } as never,
      { upsertedCount: 1, matchedCount: 0, modifiedCount: 0, insertedCount: 0, deletedCount: 0 } as never,
    );
    const incomplete = incompleteUpsert(error, [emma, janeEyre, miserables]);
    assert.ok(incomplete instanceof UpsertIncomplete);
    assert.deepEqual(incomplete.counts, { added: 1, updated: 0, unchanged: 0 });
    assert.deepEqual(incomplete.failed, [{ id: janeEyre.id, reason: 'document too large' }, { id: miserables.id, reason: 'bad value' }]);
    assert.match(incomplete.message, /^2 record\(s\) could not be written \(first: rec-jane-eyre: document too large\); the rest were: 1 added/);
  });
});
