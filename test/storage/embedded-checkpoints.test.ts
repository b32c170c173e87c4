import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { makeRecord } from './fixtures.js';

/**
 * From the WAL index (the -shm file, sqlite.org/walformat.html): frames in
 * the log (mxFrame, offset 16 of the header) and frames already copied back
 * into the database file (nBackfill, the first field after the header's two
 * 48-byte copies). Little-endian, as on every machine this runs on.
 */
function walState(dataDir: string): { frames: number; copied: number } {
  const shm = fs.readFileSync(path.join(dataDir, 'shelfmark.db-shm'));
  return { frames: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
}

describe('write-ahead log checkpoints', () => {
  it('are made by a background thread when searches have workers, not by the connection that serves pages', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-checkpoint-'));
    const store = await openEmbeddedStore({ dataDir, searchWorkers: 1 });
    t.after(async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const records = Array.from({ length: 6_000 }, (_, i) => makeRecord({ id: `c${i}`, title: `Checkpoint ${i}`, summary: 'words '.repeat(400) }));
    await store.records.upsertMany(records);
    const written = walState(dataDir);
    // Past 1,000 pages (16 MB at 16 KiB a page), a connection left to checkpoint by itself would have copied them all back at commit.
    assert.ok(written.frames > 1_000, `${written.frames} frames in the log`);
    assert.ok(written.copied < written.frames, `the serving connection copied ${written.copied} of ${written.frames} frames`);
    let state = written;
    for (let i = 0; i < 50 && state.copied < state.frames; i++) {
      await sleep(100);
      state = walState(dataDir);
    }
    assert.equal(state.copied, state.frames, 'the background thread copied every frame back');
  });
});
