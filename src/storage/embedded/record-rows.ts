import type { CatalogueRecord } from '../../model/record.js';
import type { FacetField } from '../../model/search-query.js';
import { foldForSort } from '../../text/fold.js';
import { canonicalJson, facetPairs, hashOfCanonical, titleSortKey } from '../record-keys.js';
import { ftsValues } from '../search-columns.js';

/** Everything the embedded store writes for a record, worked out from the record alone. */
export interface RecordRow {
  hash: string;
  doc: string;
  sortTitle: string;
  sortAuthor: string;
  /** One string per column of FTS_COLUMNS. */
  fts: string[];
  facets: Array<[FacetField, string]>;
}

/** The row for a record: plain data, so it can be worked out on another thread and posted. */
export function recordRow(record: CatalogueRecord): RecordRow {
  // The document is stored in canonical form (keys sorted), the text its content hash is taken of: written once, not twice.
  const doc = canonicalJson(record);
  return {
    hash: hashOfCanonical(doc),
    doc,
    sortTitle: titleSortKey(record.title),
    sortAuthor: foldForSort(record.authors[0] ?? ''),
    fts: ftsValues(record),
    facets: facetPairs(record),
  };
}

/** Rows worked out ahead (by the import's reading thread), for records not changed since. */
const ready = new WeakMap<CatalogueRecord, RecordRow>();

/** Remember a record's row, worked out elsewhere from exactly this record. */
export function rememberRow(record: CatalogueRecord, row: RecordRow): void {
  ready.set(record, row);
}

/** Forget a remembered row: call it before changing the record. */
export function forgetRow(record: CatalogueRecord): void {
  ready.delete(record);
}

/** The remembered row, else one worked out now. */
export function rowOf(record: CatalogueRecord): RecordRow {
  return ready.get(record) ?? recordRow(record);
}
