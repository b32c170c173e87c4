import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateMarcFile } from '../../bench/generate-marc.js';
import { BATCH_SIZE } from '../../src/import/import-items.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { freshStore } from './helpers.js';

const CLI = fileURLToPath(new URL('../../src/import/cli.ts', import.meta.url));
const RECORDS = 60_000;

/** Records committed in the store file so far; 0 while it or its table does not exist yet. */
async function committed(file: string): Promise<number> {
  if (!fs.existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare<[], number>('SELECT count(*) FROM records').pluck().get()!;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Start the seed CLI as a librarian would, output not a terminal. */
function startSeed(file: string, dataDir: string) {
  return spawn(process.execPath, ['--import', 'tsx', CLI, file, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
}

test('an import killed halfway leaves whole batches, and running it again completes the job', async (t) => {
  const { store, dataDir } = await freshStore(t);
  await store.close(); // the CLI opens the store itself
  const file = path.join(dataDir, 'big.mrc');
  await generateMarcFile(file, RECORDS);
  const storeDir = path.join(dataDir, 'store');

  const first = startSeed(file, storeDir);
  let output = '';
  first.stdout.setEncoding('utf8');
  first.stdout.on('data', (text: string) => (output += text));
  // Killed once its first batch is committed, as read from the store: polled, not timed (the first
  // progress line, after 2 s, came when a quick machine had written all 60,000).
  while ((await committed(path.join(storeDir, 'shelfmark.db'))) === 0) {
    if (first.exitCode !== null) throw new Error(`the import ended before a batch was seen committed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  first.kill('SIGKILL');
  await once(first, 'exit');

  const halfway = await openEmbeddedStore({ dataDir: storeDir });
  const countAfterKill = await halfway.records.count();
  await halfway.close();
  assert.ok(countAfterKill > 0 && countAfterKill < RECORDS, `count after kill: ${countAfterKill}`);
  assert.equal(countAfterKill % BATCH_SIZE, 0, 'only whole batches are committed');

  const second = startSeed(file, storeDir);
  let summary = '';
  second.stdout.on('data', (text) => (summary += text));
  const [code] = await once(second, 'exit');
  assert.equal(code, 0);
  assert.match(summary, new RegExp(`added\\s+${(RECORDS - countAfterKill).toLocaleString('en-GB')}\\n\\s+updated\\s+0\\n\\s+unchanged\\s+${countAfterKill.toLocaleString('en-GB')}`));
  const done = await openEmbeddedStore({ dataDir: storeDir });
  t.after(() => done.close());
  assert.equal(await done.records.count(), RECORDS);
});
