import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newUploadPath, removeOrphanUploads } from '../../src/librarian/upload-files.js';
import { runImport, stopConsoleImports } from '../../src/librarian/import-runner.js';
import { createLogger } from '../../src/http/logger.js';
import { consoleApp, upload } from './helpers.js';
import { freshStore } from '../import/helpers.js';

/** A pid that certainly belongs to no running process: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

describe('console imports that recover', () => {
  it('at boot, removes uploads left by a process that died, and keeps those of a live one', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-uploads-test-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const orphan = path.join(dir, `${deadPid()}-left-behind`);
    const live = path.join(dir, `${process.ppid}-in-progress`);
    fs.writeFileSync(orphan, 'x'.repeat(1000));
    fs.writeFileSync(live, 'x');
    assert.equal(await removeOrphanUploads(dir), 1);
    assert.deepEqual(fs.readdirSync(dir), [path.basename(live)]);
    assert.match(path.basename(newUploadPath(dir)), new RegExp(`^${process.pid}-`));
  });

  it('lets a new upload start within a minute when the importing server died, marking the dead run failed with its last counts', async (t) => {
    const built = await consoleApp(t);
    const now = built.clock.now;
    // A run claimed by a server that then died: it never wrote another sign of life.
    await built.store.imports.claim({ id: 'dead', fileName: 'dead.ndjson', size: 10, card: 'x', startedAt: now - 60_000 }, 0);
    await built.store.imports.progress('dead', { counts: { read: 7, added: 5, updated: 0, unchanged: 0, rejected: 2, duplicates: 0, warnings: 0 }, bytesRead: 5, format: 'ndjson', now: now - 45_000 });
    const res = await upload(built.librarian, 'next.ndjson', '{"id":"n1","title":"Next","mediaType":"book"}\n');
    assert.equal(res.status, 303, 'the new upload was accepted at once');
    const dead = await built.store.imports.get('dead');
    assert.equal(dead?.status, 'failed');
    assert.equal(dead?.counts.added, 5);
  });

  it('on stop, ends a running import at its next batch, records it as interrupted with its counts, and removes its file', async (t) => {
    const { store } = await freshStore(t);
    const file = newUploadPath(fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-stop-')));
    fs.writeFileSync(file, Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `r${i}`, title: `Record ${i}`, mediaType: 'book' })).join('\n'));
    await store.imports.claim({ id: 'run', fileName: 'big.ndjson', size: 1, card: 'x', startedAt: Date.now() }, 0);
    const running = runImport({ store, clock: Date.now, logger: createLogger('silent'), config: { DATA_DIR: os.tmpdir() } }, { id: 'run', fileName: 'big.ndjson' }, file);
    await stopConsoleImports();
    await running;
    const run = await store.imports.get('run');
    assert.equal(run?.status, 'failed');
    assert.match(run?.error ?? '', /^The import was interrupted because the server was stopped/);
    assert.ok(run.counts.read < 20_000, `stopped early (read ${run.counts.read})`);
    assert.equal(run.counts.added, await store.records.count(), 'the counts are those of the committed batches');
    assert.equal(fs.existsSync(file), false);
  });
});
