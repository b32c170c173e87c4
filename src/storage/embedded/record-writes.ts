import type { Database } from 'better-sqlite3';
import type { CatalogueRecord } from '../../model/record.js';
import type { FacetField } from '../../model/search-query.js';
import type { UpsertCounts } from '../store.js';
import { FTS_COLUMNS } from '../search-columns.js';
import { rowOf } from './record-rows.js';
import { DEFERRABLE_INDEXES, buildDeferredIndexes } from './schema.js';
import { FacetIndex } from './facet-index.js';

/** One facet row to write: the record's rowid and one of its (field, value) pairs. */
type FacetRow = [rid: number, field: FacetField, value: string];

const byValue = (a: FacetRow, b: FacetRow) =>
  a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] - b[0];

/**
 * Facet rows written by one INSERT: a record has about seven, an import
 * batch thousands. Inserting 700,000 rows (100k records' worth) in batches
 * of 500 records took about 2.4 s one row per statement and 1.4 s 64 rows
 * per statement; 256 gained nothing more.
 */
const FACET_ROWS_PER_INSERT = 64;

/**
 * Upsert and clear, each one transaction that keeps records, full text and facets in step.
 * `afterFirstLoad` runs when a bulk load that filled an empty catalogue has built its indexes again;
 * it is told whether the load wrote the facet index's snapshot (to `snapshotFile`) itself.
 */
export function createRecordWrites(db: Database, snapshotFile: string | null = null, afterFirstLoad: (snapshotWritten: boolean) => void = () => {}) {
  const ftsNames = FTS_COLUMNS.map((c) => c.name).join(', ');
  const ftsSlots = FTS_COLUMNS.map(() => '?').join(', ');
  const stmt = {
    // One look-up for the whole batch rather than one per record.
    existing: db.prepare<[string], { id: string; rowid: number; hash: string }>(
      'SELECT id, rowid, hash FROM records WHERE id IN (SELECT value FROM json_each(?))',
    ),
    insert: db.prepare<[string, string, string, string, string, number | null, number]>(
      'INSERT INTO records (id, doc, hash, sort_title, sort_author, year, changed) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    update: db.prepare<[string, string, string, string, number | null, number, number]>(
      'UPDATE records SET doc = ?, hash = ?, sort_title = ?, sort_author = ?, year = ?, changed = ? WHERE rowid = ?',
    ),
    ftsInsert: db.prepare(`INSERT INTO records_fts (rowid, ${ftsNames}) VALUES (?, ${ftsSlots})`),
    ftsDelete: db.prepare('DELETE FROM records_fts WHERE rowid = ?'),
    facetInsert: db.prepare<FacetRow>('INSERT INTO facets (rid, field, value) VALUES (?, ?, ?)'),
    facetInsertMany: db.prepare<[Array<number | string>]>(
      `INSERT INTO facets (rid, field, value) VALUES ${new Array<string>(FACET_ROWS_PER_INSERT).fill('(?, ?, ?)').join(', ')}`,
    ),
    facetDelete: db.prepare('DELETE FROM facets WHERE rid = ?'),
    // Every record written in a transaction carries the version it creates in `changed`, so readers can catch up.
    bumpVersion: db.prepare('UPDATE catalogue_version SET version = version + 1'),
    bumpGeneration: db.prepare('UPDATE catalogue_version SET version = version + 1, generation = generation + 1'),
    empty: db.prepare<[], number>('SELECT NOT EXISTS (SELECT 1 FROM records)').pluck(),
    state: db.prepare<[], { version: number; generation: number }>('SELECT version, generation FROM catalogue_version'),
  };

  // Bulk loads running, and whether one dropped the deferrable indexes (see bulkLoad below).
  let loading = 0;
  let dropped = false;
  /**
   * While a bulk load fills an empty catalogue: the facet index of the records it has written, taken as
   * they are written, and the catalogue version that stands for (one more per batch that writes). Its end
   * writes the index's snapshot instead of reading seven rows a record back (11.6 s at a million records),
   * unless the version says another writer wrote meanwhile.
   */
  let followed: { index: FacetIndex; version: number } | null = null;

  const write = db.transaction((records: CatalogueRecord[]) => {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
    const { version } = stmt.state.get()!;
    if (loading > 0 && !dropped && stmt.empty.get() === 1) {
      // Part of this transaction: if it rolls back, the indexes are back too.
      for (const { name } of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
      dropped = true;
      followed = snapshotFile ? { index: new FacetIndex(db, { snapshotFile }), version } : null;
    }
    const changed = version + 1;
    const existing = new Map(stmt.existing.all(JSON.stringify(records.map((r) => r.id))).map((row) => [row.id, row]));
    // By rowid, so a record written twice in one batch keeps only its last facets.
    const facetsOf = new Map<number, Array<[FacetField, string]>>();
    for (const record of records) {
      const row = rowOf(record);
      const { hash, doc, sortTitle, sortAuthor } = row;
      const before = existing.get(record.id);
      if (before?.hash === hash) {
        counts.unchanged++;
        continue;
      }
      const year = record.year ?? null;
      let rowid: number;
      if (!before) {
        rowid = Number(stmt.insert.run(record.id, doc, hash, sortTitle, sortAuthor, year, changed).lastInsertRowid);
        counts.added++;
      } else {
        rowid = before.rowid;
        stmt.update.run(doc, hash, sortTitle, sortAuthor, year, changed, rowid);
        stmt.ftsDelete.run(rowid);
        stmt.facetDelete.run(rowid);
        counts.updated++;
      }
      // A later record in the same batch with the same id finds this one.
      existing.set(record.id, { id: record.id, rowid, hash });
      stmt.ftsInsert.run(rowid, ...row.fts);
      facetsOf.set(rowid, row.facets);
    }
    const facetRows: FacetRow[] = [];
    for (const [rid, pairs] of facetsOf) for (const [field, value] of pairs) facetRows.push([rid, field, value]);
    // With facets_by_value in place, in its order, so each of its pages is visited once per batch, not once per record.
    // During a bulk load it is dropped: rows go in by record, appended to the table's own key.
    if (!dropped) facetRows.sort(byValue);
    insertFacets(facetRows);
    if (counts.added + counts.updated > 0) stmt.bumpVersion.run();
    return { counts, facetsOf };
  });

  /** Write a batch, and once it is committed, let the facet index of a first load follow. */
  function upsertMany(records: CatalogueRecord[]): UpsertCounts {
    const { counts, facetsOf } = write.immediate(records);
    if (followed) {
      for (const [rid, pairs] of facetsOf) followed.index.follow(rid, pairs);
      if (counts.added + counts.updated > 0) followed.version++;
    }
    return counts;
  }

  /** At the end of a first load: write the snapshot of the facet index it followed, if that is the whole catalogue. */
  function saveFollowed(): boolean {
    const done = followed;
    followed = null;
    if (!done) return false;
    const state = stmt.state.get()!;
    if (state.version !== done.version) return false;
    done.index.save(state);
    return true;
  }

  /** Rows in the order given, FACET_ROWS_PER_INSERT to a statement while there are that many left. */
  function insertFacets(rows: FacetRow[]): void {
    const values: Array<number | string> = new Array<number | string>(FACET_ROWS_PER_INSERT * 3);
    let i = 0;
    for (; i + FACET_ROWS_PER_INSERT <= rows.length; i += FACET_ROWS_PER_INSERT) {
      for (let k = 0; k < FACET_ROWS_PER_INSERT; k++) {
        const row = rows[i + k]!;
        values[3 * k] = row[0];
        values[3 * k + 1] = row[1];
        values[3 * k + 2] = row[2];
      }
      stmt.facetInsertMany.run(values);
    }
    for (; i < rows.length; i++) stmt.facetInsert.run(...rows[i]!);
  }

  const clear = db.transaction(() => {
    db.exec(`DELETE FROM records; DELETE FROM facets; INSERT INTO records_fts (records_fts) VALUES ('delete-all');`);
    stmt.bumpGeneration.run();
  });

  return {
    upsertMany,
    clear: () => clear.immediate(),
    /**
     * Into an empty catalogue, the first upsert drops the secondary indexes
     * (DEFERRABLE_INDEXES) and the end of the load builds them again, each
     * with one sort. Meanwhile reads are right but browse without an index.
     * If the process dies first, the next open builds them (openEmbeddedStore).
     */
    async bulkLoad<T>(work: () => Promise<T>): Promise<T> {
      loading++;
      try {
        return await work();
      } finally {
        loading--;
        if (loading === 0 && dropped) {
          dropped = false;
          buildDeferredIndexes(db);
          afterFirstLoad(saveFollowed());
        }
      }
    },
  };
}
