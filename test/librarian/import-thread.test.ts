import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { describe, it } from 'node:test';
import { build } from '../helpers/build.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { addMember, loginAs } from '../helpers/members.js';
import { fixture } from '../import/helpers.js';
import { catalogue } from '../storage/fixtures.js';
import { LIBRARIAN, upload, watchImport } from './helpers.js';

async function librarianApp(t: TestContext, options: { dataDir?: string; env?: Record<string, string> } = {}) {
  const log = memoryLogger();
  const built = await build(t, { ...options, logger: log.logger });
  await addMember(built.store, LIBRARIAN.card, LIBRARIAN.pin, { name: 'Lydia Bennet', role: 'librarian' });
  const librarian = built.browser();
  await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);
  return { ...built, librarian, log };
}

describe('a console import runs off the thread that serves pages', () => {
  it('imports on a worker thread of its own, its log lines reaching the server log', async (t) => {
    const { librarian, store, log } = await librarianApp(t);
    const res = await upload(librarian, 'records.ndjson', readFileSync(fixture('records.ndjson')));
    await watchImport(librarian, res.headers.location!);
    assert.equal((await store.imports.recent(1))[0]?.status, 'finished');
    const ended = log.lines().find((l) => l.msg === 'console import ended');
    assert.equal(ended?.file, 'records.ndjson');
    assert.equal(ended?.added, 2);
    // The server's own thread is thread 0.
    assert.ok(typeof ended?.threadId === 'number' && ended.threadId > 0, `threadId ${String(ended?.threadId)}`);
    assert.match((await librarian.get('/search?q=small+island')).text, /Small Island/);
  });

  it('fails the run, rather than leaving it running, when its thread cannot even open the store', async (t) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shelfmark-thread-'));
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    // The server's store is open in dataDir; the import thread is told to open one in a plain file, and cannot.
    const notADirectory = path.join(dataDir, 'not-a-directory');
    writeFileSync(notADirectory, 'x');
    const { librarian, store, log } = await librarianApp(t, { dataDir, env: { DATA_DIR: notADirectory } });
    const res = await upload(librarian, 'records.ndjson', readFileSync(fixture('records.ndjson')));
    const page = await watchImport(librarian, res.headers.location!);
    assert.match(page, /<dd id="import-status">Failed<\/dd>/);
    assert.match(page, /<p id="import-error">The import stopped because of a problem on the server; the details are in the server log\./);
    assert.equal((await store.imports.recent(1))[0]?.status, 'failed');
    assert.ok(log.lines().some((l) => l.msg === 'console import thread stopped before the end of its run'));
    assert.equal(await store.records.count(), catalogue.length);
  });
});
