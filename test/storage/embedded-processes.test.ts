import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';

const run = promisify(execFile);
const worker = path.join(import.meta.dirname, 'embedded-basket-worker.ts');
const dirs: string[] = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Starts `processes` app processes at once, each adding `each` ids to the same basket. */
async function addFromProcesses(dataDir: string, processes: number, each: number, limit: number): Promise<number[]> {
  const runs = Array.from({ length: processes }, (_, p) =>
    run(process.execPath, ['--import', 'tsx', worker, dataDir, 'shared', `p${p}-`, String(each), String(limit)]));
  return (await Promise.all(runs)).map(({ stdout }) => Number(stdout));
}

// In one process better-sqlite3 runs each add to completion, so only separate processes race for real.
describe('embedded store shared by several processes', () => {
  it('loses no basket add when four processes add to one session at once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-procs-'));
    dirs.push(dataDir);
    const added = await addFromProcesses(dataDir, 4, 25, 1000);
    assert.deepEqual(added, [25, 25, 25, 25]);
    const store = await openEmbeddedStore({ dataDir });
    assert.equal(await store.baskets.count('shared'), 100);
    await store.close();
  });

  it('never goes past the limit when four processes race for the last places', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-procs-'));
    dirs.push(dataDir);
    const added = await addFromProcesses(dataDir, 4, 25, 30);
    assert.equal(added.reduce((a, b) => a + b, 0), 30);
    const store = await openEmbeddedStore({ dataDir });
    assert.equal(await store.baskets.count('shared'), 30);
    await store.close();
  });
});
