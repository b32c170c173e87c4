import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { createAuditStore } from '../../src/storage/mongo/audit-store.js';
import { createImportRunStore, IMPORT_PROBLEM_INDEXES } from '../../src/storage/mongo/import-run-store.js';
import type { AuditEntry, AuditStore, ImportRunStore } from '../../src/storage/store.js';
import { mingoDb } from './mongo/mingo-db.js';

/** The exports read by key; here on the embedded store and on the MongoDB adapter run through mingo. */
async function adapters(t: TestContext): Promise<Array<{ name: string; audit: AuditStore; imports: ImportRunStore }>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-exports-'));
  const embedded = await openEmbeddedStore({ dataDir });
  t.after(async () => {
    await embedded.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const { db } = mingoDb({ importProblems: IMPORT_PROBLEM_INDEXES });
  return [
    { name: 'embedded', audit: embedded.audit, imports: embedded.imports },
    { name: 'mongodb (mingo)', audit: createAuditStore(db), imports: createImportRunStore(db) },
  ];
}

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

// Several entries share a time, so a batch boundary falls inside a tie: the key must carry the tie-breaker.
const entries: AuditEntry[] = [1, 2, 2, 2, 3, 3, 4, 5].map((minute, i) => ({
  at: Date.UTC(2026, 10, 30, 9, minute), memberId: `m${i % 2}`, card: i % 2 ? 'C1' : 'C2', action: 'login', target: `t${i}`,
}));

describe('exports read by key range', () => {
  it('gives every audit entry once, newest first, whatever the batch size, as the page listing orders them', async (t) => {
    for (const { name, audit } of await adapters(t)) {
      for (const e of entries) await audit.append(e);
      const listed = (await audit.list({}, 0, 100)).entries;
      for (const size of [1, 3, 8, 50]) {
        const batches = await collect(audit.export({}, size));
        assert.deepEqual(batches.flat(), listed, `${name}, batches of ${size}`);
        assert.ok(batches.every((b) => b.length <= size && b.length > 0), name);
      }
      assert.deepEqual((await collect(audit.export({ card: 'C1', from: entries[2]!.at }, 2))).flat(), (await audit.list({ card: 'C1', from: entries[2]!.at }, 0, 100)).entries, name);
      assert.deepEqual(await collect(audit.export({ card: 'nobody' })), [], name);
    }
  });

  it('gives every line of a rejects report once, in order, whatever the batch size', async (t) => {
    for (const { name, imports } of await adapters(t)) {
      const lines = Array.from({ length: 7 }, (_, i) => ({ seq: i + 1, kind: 'rejected' as const, recordNumber: i + 10, reason: `r${i}` }));
      await imports.addProblems('run-1', lines);
      await imports.addProblems('run-2', [{ seq: 1, kind: 'warning', recordNumber: 1, reason: 'other run' }]);
      for (const size of [1, 3, 7, 100]) {
        assert.deepEqual((await collect(imports.exportProblems('run-1', size))).flat(), lines, `${name}, batches of ${size}`);
      }
    }
  });
});
