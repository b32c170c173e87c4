import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import path from 'node:path';
import { createBranchRegistry } from '../../src/branches/branch-registry.js';
import { openFile } from '../../src/import/import-file.js';
import { importItems, type ImportProblemEvent } from '../../src/import/import-items.js';
import type { ImportFormat } from '../../src/storage/import-run-store.js';
import { fixture, freshStore } from './helpers.js';

const branches = () => createBranchRegistry([
  { code: 'CEN', name: 'Central Library', aliases: ['Central'] },
  { code: 'NOR', name: 'Northgate', aliases: [] },
]);

/** Import one file into a fresh store, read here or on a worker (which then also prepares each record). */
async function importInto(t: TestContext, file: string, onWorker: boolean, format?: ImportFormat) {
  const { store, dataDir } = await freshStore(t);
  const problems: ImportProblemEvent[] = [];
  const places = { branches: branches(), unmapped: new Map<string, number>() };
  const opened = await openFile(file, format, onWorker);
  const counts = await importItems(opened.items, store, { onProblem: (p) => problems.push(p) }, undefined, places);
  const again = await importItems((await openFile(file, format, onWorker)).items, store, {}, undefined, { branches: places.branches, unmapped: new Map() });
  await store.close();
  // What the embedded store wrote, row for row: documents, hashes, sort keys, facet values and the full text.
  const db = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
  t.after(() => db.close());
  const tables = {
    records: db.prepare('SELECT id, doc, hash, sort_title, sort_author, year, facet_pairs FROM records ORDER BY id').all(),
    words: db.prepare(`SELECT r.id FROM records_fts JOIN records r ON r.rowid = records_fts.rowid WHERE records_fts MATCH 'the OR library OR a' ORDER BY 1`).all(),
  };
  return { counts, again, problems, unmapped: [...places.unmapped], tables };
}

for (const [name, format] of [['holdings.mrc'], ['valid-utf8.mrc'], ['bad-records.mrc'], ['items.csv', 'csv']] as const) {
  test(`records prepared on the reading thread are stored exactly as records prepared here: ${name}`, async (t) => {
    const here = await importInto(t, fixture(name), false, format);
    const there = await importInto(t, fixture(name), true, format);
    assert.ok(here.tables.records.length > 0);
    assert.deepEqual(there.tables, here.tables);
    assert.deepEqual(there.counts, here.counts);
    assert.deepEqual(there.problems, here.problems);
    // The locations the registry did not cover, with their copies, in the order first seen.
    assert.deepEqual(there.unmapped, here.unmapped);
    // A second import of the same file changes nothing, and says so.
    assert.equal(there.again.unchanged, here.again.unchanged);
    assert.equal(there.again.added + there.again.updated, 0);
  });
}
