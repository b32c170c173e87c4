import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { catalogue } from './fixtures.js';
import { clause, query } from './contract/helpers.js';

/** The nice value of each thread of this process, from /proc (Linux). */
function threadNices(): number[] {
  return fs.readdirSync(`/proc/${process.pid}/task`).map((tid) => {
    const stat = fs.readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

it('search workers and the checkpoint thread run below the serving thread, so pages get a core before they do', { skip: !fs.existsSync('/proc/thread-self') && 'needs Linux /proc' }, async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-priority-'));
  t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const before = threadNices().filter((nice) => nice >= 10).length;
  const store = await openEmbeddedStore({ dataDir, searchWorkers: 2 });
  try {
    await store.records.upsertMany(catalogue);
    await store.records.search(query({ clauses: [clause('emma')] }));
    // Polled, not timed: the other threads may still be loading their code when the first worker has answered.
    // Two search workers and the thread that checkpoints the write-ahead log.
    const lowered = () => threadNices().filter((nice) => nice >= 10).length - before;
    for (let i = 0; i < 600 && lowered() < 3; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(lowered(), 3);
  } finally {
    await store.close();
  }
});
