import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCounts } from '../../../src/storage/import-run-store.js';
import type { NewImportRun } from '../../../src/storage/import-run-store.js';
import type { StoreRef } from './helpers.js';

const T = 1_800_000_000_000;
const MINUTE = 60_000;

function run(id: string, startedAt = T): NewImportRun {
  return { id, fileName: `${id}.mrc`, size: 1234, card: 'L1', startedAt };
}

/** Imports from the librarian console: one at a time, progress, the end, and the rejects report. */
export function importRunsContract(store: StoreRef): void {
  describe('import runs', () => {
    it('lets one import run at a time and names the one in the way', async () => {
      assert.deepEqual(await store().imports.claim(run('a'), T - 15 * MINUTE), { claimed: true });
      const refused = await store().imports.claim(run('b', T + MINUTE), T - 14 * MINUTE);
      assert.equal(refused.claimed, false);
      assert.equal(!refused.claimed && refused.running.id, 'a');
      assert.equal(await store().imports.get('b'), null);
    });

    it('refuses all but one of several claims made at once', async () => {
      const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => store().imports.claim(run(id), T - MINUTE)));
      assert.equal(results.filter((r) => r.claimed).length, 1);
    });

    it('keeps progress, then the end of the run, and frees the way for the next', async () => {
      await store().imports.claim(run('a'), 0);
      const counts = { ...emptyCounts(), read: 10, added: 8, rejected: 2 };
      await store().imports.progress('a', { counts, bytesRead: 600, format: 'marc21', now: T + 1000 });
      const running = await store().imports.running();
      assert.deepEqual(running, {
        id: 'a', fileName: 'a.mrc', size: 1234, format: 'marc21', card: 'L1', status: 'running', counts,
        bytesRead: 600, startedAt: T, updatedAt: T + 1000, finishedAt: null, error: null,
      });
      await store().imports.finish('a', { status: 'finished', counts, error: null, now: T + 2000 });
      assert.equal(await store().imports.running(), null);
      assert.deepEqual(await store().imports.get('a'), { ...running, status: 'finished', updatedAt: T + 2000, finishedAt: T + 2000 });
      assert.deepEqual(await store().imports.claim(run('b', T + 3000), 0), { claimed: true });
    });

    it('marks an import silent since before the cutoff as failed, so it cannot block imports for ever', async () => {
      await store().imports.claim(run('a'), 0);
      await store().imports.progress('a', { counts: emptyCounts(), bytesRead: 1, format: null, now: T + MINUTE });
      assert.deepEqual(await store().imports.claim(run('b', T + 30 * MINUTE), T + 15 * MINUTE), { claimed: true });
      const stale = await store().imports.get('a');
      assert.equal(stale?.status, 'failed');
      assert.equal(stale?.finishedAt, T + MINUTE);
      assert.match(stale?.error ?? '', /stopped without finishing/);
    });

    it('lists the latest runs newest first', async () => {
      for (const [i, id] of ['a', 'b', 'c'].entries()) {
        await store().imports.claim(run(id, T + i * MINUTE), 0);
        await store().imports.finish(id, { status: i === 1 ? 'failed' : 'finished', counts: emptyCounts(), error: i === 1 ? 'not MARC' : null, now: T + i * MINUTE + 1 });
      }
      assert.deepEqual((await store().imports.recent(2)).map((r) => [r.id, r.status, r.error]), [['c', 'finished', null], ['b', 'failed', 'not MARC']]);
    });

    it('keeps the rejects report of each run in order, in pages', async () => {
      await store().imports.claim(run('a'), 0);
      await store().imports.addProblems('a', [
        { seq: 1, kind: 'rejected', recordNumber: 2, byteOffset: 512, reason: 'leader is not 24 bytes' },
        { seq: 2, kind: 'warning', recordNumber: 3, line: 40, recordId: 'x1', reason: 'no 245 $a' },
      ]);
      await store().imports.addProblems('a', [{ seq: 3, kind: 'rejected', recordNumber: 9, reason: 'truncated' }]);
      assert.deepEqual(await store().imports.problems('a', 0, 2), [
        { seq: 1, kind: 'rejected', recordNumber: 2, byteOffset: 512, reason: 'leader is not 24 bytes' },
        { seq: 2, kind: 'warning', recordNumber: 3, line: 40, recordId: 'x1', reason: 'no 245 $a' },
      ]);
      assert.deepEqual((await store().imports.problems('a', 2, 10)).map((p) => p.seq), [3]);
      assert.deepEqual(await store().imports.problems('b', 0, 10), []);
    });
  });
}
