import type { CatalogueRecord } from '../../model/record.js';
import { foldForSort } from '../../text/fold.js';
import { canonicalJson, facetPairs, hashOfCanonical, titleSortKey } from '../record-keys.js';
import { ftsValues } from '../search-columns.js';
import { joinFacetPairs } from './facet-pairs.js';

/** Everything the embedded store writes for a record, worked out from the record alone. */
export interface RecordRow {
  id: string;
  year: number | null;
  hash: string;
  doc: string;
  sortTitle: string;
  sortAuthor: string;
  /** One string per column of FTS_COLUMNS. */
  fts: string[];
  /** Its facet values in their stored form (facet-pairs.ts). */
  facets: string;
}

/** The row for a record: plain data, so it can be worked out on another thread and posted. */
export function recordRow(record: CatalogueRecord): RecordRow {
  // The document is stored in canonical form (keys sorted), the text its content hash is taken of: written once, not twice.
  return rowWith(record, canonicalJson(record));
}

/** The row for a record whose stored document (its canonicalJson) is known. */
export function rowWith(record: CatalogueRecord, doc: string): RecordRow {
  return {
    id: record.id,
    year: record.year ?? null,
    hash: hashOfCanonical(doc),
    doc,
    sortTitle: titleSortKey(record.title),
    sortAuthor: foldForSort(record.authors[0] ?? ''),
    fts: ftsValues(record),
    facets: joinFacetPairs(facetPairs(record)),
  };
}

/** Rows, or just documents, worked out ahead (by the import's reading thread), for records not changed since. */
const ready = new WeakMap<CatalogueRecord, RecordRow | string>();

/** Remember a record's row, or its stored document, worked out elsewhere from exactly this record. */
export function rememberRow(record: CatalogueRecord, row: RecordRow | string): void {
  ready.set(record, row);
}

/** Forget what was remembered: call it before changing the record. */
export function forgetRow(record: CatalogueRecord): void {
  ready.delete(record);
}

/** The remembered row; else the row from the remembered document, or from the record alone. */
export function rowOf(record: CatalogueRecord): RecordRow {
  const known = ready.get(record);
  if (known === undefined) return recordRow(record);
  return typeof known === 'string' ? rowWith(record, known) : known;
}
