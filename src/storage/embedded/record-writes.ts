import type { Database } from 'better-sqlite3';
import type { CatalogueRecord } from '../../model/record.js';
import type { BatchWriter, UpsertCounts } from '../store.js';
import { FTS_COLUMNS } from '../search-columns.js';
import { rowOf, type RecordRow } from './record-rows.js';
import { DEFERRABLE_INDEXES, buildDeferredIndexes } from './schema.js';
import { FacetIndex } from './facet-index.js';
import { widenCheckpoints } from './load-checkpoints.js';

/**
 * Upsert and clear, each one transaction that keeps records and their full text in step.
 * `afterFirstLoad` runs when a bulk load that filled an empty catalogue has built its indexes again;
 * it is given the facet index the load followed, settled and its snapshot written (to `snapshotFile`),
 * when that index is the whole catalogue.
 */
export function createRecordWrites(db: Database, snapshotFile: string | null = null, afterFirstLoad: (followed: FacetIndex | null) => void = () => {}) {
  const ftsNames = FTS_COLUMNS.map((c) => c.name).join(', ');
  const ftsSlots = FTS_COLUMNS.map(() => '?').join(', ');
  const stmt = {
    // One look-up for the whole batch rather than one per record.
    existing: db.prepare<[string], { id: string; rowid: number; hash: string }>(
      'SELECT id, rowid, hash FROM records WHERE id IN (SELECT value FROM json_each(?))',
    ),
    insert: db.prepare<[string, string, string, string, string, number | null, string, number]>(
      'INSERT INTO records (id, doc, hash, sort_title, sort_author, year, facet_pairs, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    update: db.prepare<[string, string, string, string, number | null, string, number, number]>(
      'UPDATE records SET doc = ?, hash = ?, sort_title = ?, sort_author = ?, year = ?, facet_pairs = ?, changed = ? WHERE rowid = ?',
    ),
    ftsInsert: db.prepare(`INSERT INTO records_fts (rowid, ${ftsNames}) VALUES (?, ${ftsSlots})`),
    ftsDelete: db.prepare('DELETE FROM records_fts WHERE rowid = ?'),
    // Every record written in a transaction carries the version it creates in `changed`, so readers can catch up.
    bumpVersion: db.prepare('UPDATE catalogue_version SET version = version + 1'),
    bumpGeneration: db.prepare('UPDATE catalogue_version SET version = version + 1, generation = generation + 1'),
    empty: db.prepare<[], number>('SELECT NOT EXISTS (SELECT 1 FROM records)').pluck(),
    state: db.prepare<[], { version: number; generation: number }>('SELECT version, generation FROM catalogue_version'),
  };

  // Bulk loads running, whether one dropped the deferrable indexes, and how to end their wider checkpoints (see bulkLoad below).
  let loading = 0;
  let dropped = false;
  let narrowCheckpoints = () => {};
  /**
   * While a bulk load fills an empty catalogue: the facet index of the records it has written, taken as
   * they are written, and the catalogue version that stands for (one more per batch that writes). Its end
   * writes the index's snapshot instead of reading every record's values back (11.6 s at a million records),
   * unless the version says another writer wrote meanwhile.
   */
  let followed: { index: FacetIndex; version: number } | null = null;

  /** The writes of one batch, in whatever transaction is open. */
  const writeRows = (rows: RecordRow[]) => {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
    const { version } = stmt.state.get()!;
    if (loading > 0 && !dropped && stmt.empty.get() === 1) {
      // Part of this transaction: if it rolls back, the indexes are back too.
      for (const { name } of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
      dropped = true;
      followed = snapshotFile ? { index: new FacetIndex(db, { snapshotFile }), version } : null;
    }
    const changed = version + 1;
    const existing = new Map(stmt.existing.all(JSON.stringify(rows.map((r) => r.id))).map((row) => [row.id, row]));
    // By rowid, so a record written twice in one batch keeps only its last facets.
    const facetsOf = new Map<number, string>();
    for (const row of rows) {
      const { id, year, hash, doc, sortTitle, sortAuthor, facets } = row;
      const before = existing.get(id);
      if (before?.hash === hash) {
        counts.unchanged++;
        continue;
      }
      let rowid: number;
      if (!before) {
        rowid = Number(stmt.insert.run(id, doc, hash, sortTitle, sortAuthor, year, facets, changed).lastInsertRowid);
        counts.added++;
      } else {
        rowid = before.rowid;
        stmt.update.run(doc, hash, sortTitle, sortAuthor, year, facets, changed, rowid);
        stmt.ftsDelete.run(rowid);
        counts.updated++;
      }
      // A later record in the same batch with the same id finds this one.
      existing.set(id, { id, rowid, hash });
      stmt.ftsInsert.run(rowid, ...row.fts);
      if (followed) facetsOf.set(rowid, facets);
    }
    if (counts.added + counts.updated > 0) stmt.bumpVersion.run();
    return { counts, facetsOf };
  };
  const write = db.transaction(writeRows);

  /** Once a write is committed, the facet index of a first load follows it. */
  function follow(facetsOf: Map<number, string>, counts: UpsertCounts): void {
    if (!followed) return;
    for (const [rid, facets] of facetsOf) followed.index.follow(rid, facets);
    if (counts.added + counts.updated > 0) followed.version++;
  }

  /** Write a batch in a transaction of its own. */
  function upsertRows(rows: RecordRow[]): UpsertCounts {
    const { counts, facetsOf } = write.immediate(rows);
    follow(facetsOf, counts);
    return counts;
  }

  /**
   * Writes that share one transaction until commit (RecordStore.batchWriter),
   * for a load into an empty catalogue only. The open batch holds the write
   * lock while the rest of it is read, so another connection's writes wait
   * longer: a process writing a session row every 20 ms into a 100k import's
   * store waited 22 ms at the median and 647 ms at worst, against 0.2 and 332
   * ms with a transaction per whole batch. Into an empty catalogue, which a
   * first load already serves without its record indexes, that is the lesser
   * cost; into one members are using, it is not.
   * FTS5 writes its term buffer out as a segment at every savepoint, and the
   * version bump that ends each write opens one (its statement journal), so
   * a batch's postings go out a part at a time, not once at the commit. That
   * is the faster way here: bumping once per batch instead (one segment per
   * 5,000 records) made a 100k import slower (1.09, 0.99-1.29).
   * A write that fails rolls back the whole open batch.
   */
  function batchWriter(): BatchWriter | undefined {
    if (stmt.empty.get() !== 1) return undefined;
    let open = false;
    let written: Array<{ facetsOf: Map<number, string>; counts: UpsertCounts }> = [];
    const rollback = () => {
      if (open && db.inTransaction) db.exec('ROLLBACK');
      open = false;
      written = [];
    };
    return {
      write(rows) {
        if (!open) {
          db.exec('BEGIN IMMEDIATE');
          open = true;
        }
        try {
          const result = writeRows(rows);
          written.push(result);
          return result.counts;
        } catch (error) {
          rollback();
          throw error;
        }
      },
      commit() {
        if (!open) return;
        db.exec('COMMIT');
        open = false;
        for (const { facetsOf, counts } of written) follow(facetsOf, counts);
        written = [];
      },
      rollback,
    };
  }

  /** At the end of a first load: the facet index it followed, settled, if that is the whole catalogue. */
  function settleFollowed(): FacetIndex | null {
    const done = followed;
    followed = null;
    if (!done) return null;
    const state = stmt.state.get()!;
    if (state.version !== done.version) return null;
    done.index.settle(state);
    return done.index;
  }

  const clear = db.transaction(() => {
    db.exec(`DELETE FROM records; INSERT INTO records_fts (records_fts) VALUES ('delete-all');`);
    stmt.bumpGeneration.run();
  });

  return {
    upsertMany: (records: CatalogueRecord[]) => upsertRows(records.map(rowOf)),
    upsertRows,
    batchWriter,
    clear: () => clear.immediate(),
    /**
     * Into an empty catalogue, the first upsert drops the secondary indexes
     * (DEFERRABLE_INDEXES) and the end of the load builds them again, each
     * with one sort. Meanwhile reads are right but browse without an index.
     * If the process dies first, the next open builds them (openEmbeddedStore).
     * Every load checkpoints the log less often while it runs (load-checkpoints.ts).
     */
    async bulkLoad<T>(work: () => Promise<T>): Promise<T> {
      loading++;
      try {
        if (loading === 1) narrowCheckpoints = widenCheckpoints(db);
        return await work();
      } finally {
        if (--loading === 0) {
          const narrow = narrowCheckpoints;
          narrowCheckpoints = () => {};
          narrow();
          if (dropped) {
            dropped = false;
            buildDeferredIndexes(db);
            afterFirstLoad(settleFollowed());
          }
        }
      }
    },
  };
}
