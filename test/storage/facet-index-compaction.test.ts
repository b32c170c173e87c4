import { test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { FacetIndex } from '../../src/storage/embedded/facet-index.js';
import { readSnapshot, snapshotFileOf } from '../../src/storage/embedded/facet-snapshot.js';
import { FACET_FIELDS } from '../../src/model/search-query.js';
import { joinFacetPairs } from '../../src/storage/embedded/facet-pairs.js';
import { storeConnection } from './store-connection.js';

/**
 * A snapshot lists each record's values rowid after rowid. The index writes
 * its pool as it is when it already holds them that way (a first load
 * followed in rowid order), and compacts it first otherwise: these check the
 * snapshot against what each record was given, whichever way it came.
 */

/** A new store file's connection, and the snapshot file beside it. */
function openDb(t: import('node:test').TestContext): { db: Database.Database; snapshotFile: string } {
  const db = storeConnection(t);
  return { db, snapshotFile: snapshotFileOf(db.name)! };
}

const pairs = (...subjects: string[]) => joinFacetPairs(subjects.map((s) => ['subject', s] as const));

/** Each rowid's values as the snapshot file has them, sorted. */
function snapshotValues(file: string): Map<number, string[]> {
  const snapshot = readSnapshot(file);
  assert.ok(snapshot, 'a snapshot was written');
  const values = new Map<number, string[]>();
  let at = 0;
  snapshot.lengths.forEach((n, rid) => {
    if (n === 0) return;
    const ids = Array.from(snapshot.pool.subarray(at, at + n));
    values.set(rid, ids.map((id) => `${FACET_FIELDS[snapshot.valueField[id]!]}:${snapshot.valueText[id]}`).sort());
    at += n;
  });
  assert.equal(at, snapshot.pool.length, 'nothing in the pool beyond the records');
  return values;
}

const subjects = (...names: string[]) => names.map((n) => `subject:${n}`).sort();

test('records followed in rowid order are written as they are, and right', (t) => {
  const { db, snapshotFile } = openDb(t);
  const index = new FacetIndex(db, { snapshotFile });
  index.follow(1, pairs('Bees'));
  index.follow(2, pairs('Wasps', 'Bees'));
  index.follow(4, pairs('Ants'));
  index.settle({ version: 1, generation: 0 });
  assert.deepEqual(snapshotValues(snapshotFile), new Map([[1, subjects('Bees')], [2, subjects('Bees', 'Wasps')], [4, subjects('Ants')]]));
});

test('records followed out of rowid order, or twice, are compacted before the snapshot is written', (t) => {
  const { db, snapshotFile } = openDb(t);
  const index = new FacetIndex(db, { snapshotFile });
  index.follow(3, pairs('Ants'));
  index.follow(1, pairs('Bees'));
  index.follow(2, pairs('Wasps'));
  index.settle({ version: 1, generation: 0 });
  assert.deepEqual(snapshotValues(snapshotFile), new Map([[1, subjects('Bees')], [2, subjects('Wasps')], [3, subjects('Ants')]]));

  const again = new FacetIndex(db, { snapshotFile: `${snapshotFile}-2` });
  again.follow(1, pairs('Bees'));
  again.follow(2, pairs('Wasps'));
  again.follow(1, pairs('Moths', 'Bees'));
  again.settle({ version: 1, generation: 0 });
  assert.deepEqual(snapshotValues(`${snapshotFile}-2`), new Map([[1, subjects('Bees', 'Moths')], [2, subjects('Wasps')]]));
});

test('a record given values after a snapshot was read, before others, is compacted into place', (t) => {
  const { db, snapshotFile } = openDb(t);
  const insert = db.prepare('INSERT INTO records (rowid, id, doc, hash, sort_title, sort_author, facet_pairs, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  insert.run(1, 'a', '{}', 'h', 'a', '', pairs('Bees'), 1);
  insert.run(2, 'b', '{}', 'h', 'b', '', '', 1);
  insert.run(3, 'c', '{}', 'h', 'c', '', pairs('Ants'), 1);
  db.prepare('UPDATE catalogue_version SET version = 1').run();
  // Read from the table, and its snapshot written.
  new FacetIndex(db, { snapshotFile }).refresh();
  assert.deepEqual(snapshotValues(snapshotFile), new Map([[1, subjects('Bees')], [3, subjects('Ants')]]));

  // The record between the two that had none now has a value.
  db.prepare('UPDATE records SET facet_pairs = ?, changed = 2 WHERE rowid = 2').run(pairs('Wasps'));
  db.prepare('UPDATE catalogue_version SET version = 2').run();
  const later = new FacetIndex(db, { snapshotFile });
  later.refresh();
  later.save({ version: 2, generation: 0 });
  assert.deepEqual(snapshotValues(snapshotFile), new Map([[1, subjects('Bees')], [2, subjects('Wasps')], [3, subjects('Ants')]]));
});
