import type { Database } from 'better-sqlite3';
import type { CatalogueRecord } from '../../catalogue/record.js';
import type { UpsertCounts } from '../store.js';
import { FTS_COLUMNS } from '../search-columns.js';
import { ftsValues } from '../search-columns.js';
import { contentHash, facetPairs, titleSortKey } from '../record-keys.js';
import { foldForSort } from '../../text/fold.js';

/** Upsert and clear, each one transaction that keeps records, full text and facets in step. */
export function createRecordWrites(db: Database) {
  const ftsNames = FTS_COLUMNS.map((c) => c.name).join(', ');
  const ftsSlots = FTS_COLUMNS.map(() => '?').join(', ');
  const stmt = {
    existing: db.prepare<[string], { rowid: number; hash: string }>('SELECT rowid, hash FROM records WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO records (id, doc, hash, sort_title, sort_author, year, changed)
       VALUES (@id, @doc, @hash, @sortTitle, @sortAuthor, @year, @changed)`,
    ),
    update: db.prepare(
      `UPDATE records SET doc = @doc, hash = @hash, sort_title = @sortTitle, sort_author = @sortAuthor, year = @year,
       changed = @changed WHERE rowid = @rowid`,
    ),
    ftsInsert: db.prepare(`INSERT INTO records_fts (rowid, ${ftsNames}) VALUES (?, ${ftsSlots})`),
    ftsDelete: db.prepare('DELETE FROM records_fts WHERE rowid = ?'),
    facetInsert: db.prepare('INSERT INTO facets (rid, field, value) VALUES (?, ?, ?)'),
    facetDelete: db.prepare('DELETE FROM facets WHERE rid = ?'),
    version: db.prepare<[], number>('SELECT version FROM catalogue_version').pluck(),
    // Every record written in a transaction carries the version it creates in `changed`, so readers can catch up.
    bumpVersion: db.prepare('UPDATE catalogue_version SET version = version + 1'),
    bumpGeneration: db.prepare('UPDATE catalogue_version SET version = version + 1, generation = generation + 1'),
  };

  function index(rowid: number, record: CatalogueRecord): void {
    stmt.ftsInsert.run(rowid, ...ftsValues(record));
    for (const [field, value] of facetPairs(record)) stmt.facetInsert.run(rowid, field, value);
  }

  const upsertMany = db.transaction((records: CatalogueRecord[]): UpsertCounts => {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
    const changed = stmt.version.get()! + 1;
    for (const record of records) {
      const hash = contentHash(record);
      const row = {
        id: record.id,
        doc: JSON.stringify(record),
        hash,
        sortTitle: titleSortKey(record.title),
        sortAuthor: foldForSort(record.authors[0] ?? ''),
        year: record.year ?? null,
        changed,
      };
      const existing = stmt.existing.get(record.id);
      if (!existing) {
        index(Number(stmt.insert.run(row).lastInsertRowid), record);
        counts.added++;
      } else if (existing.hash === hash) {
        counts.unchanged++;
      } else {
        stmt.update.run({ ...row, rowid: existing.rowid });
        stmt.ftsDelete.run(existing.rowid);
        stmt.facetDelete.run(existing.rowid);
        index(existing.rowid, record);
        counts.updated++;
      }
    }
    if (counts.added + counts.updated > 0) stmt.bumpVersion.run();
    return counts;
  });

  const clear = db.transaction(() => {
    db.exec(`DELETE FROM records; DELETE FROM facets; INSERT INTO records_fts (records_fts) VALUES ('delete-all');`);
    stmt.bumpGeneration.run();
  });

  return {
    upsertMany: (records: CatalogueRecord[]) => upsertMany.immediate(records),
    clear: () => clear.immediate(),
  };
}
