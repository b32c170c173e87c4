import type { CatalogueRecord } from '../../model/record.js';
import type { FacetField } from '../../model/search-query.js';
import { facetPairs, titleSortKey } from '../record-keys.js';
import { foldForSort } from '../../text/fold.js';
import { searchCopy, type SearchCopy } from './search-text.js';

/**
 * A record as stored in the `records` collection: the record itself under
 * `r`, and beside it everything derived for searching (`_s`, `_p`), facets
 * (`_f`, every value an array so one `$unwind` fits all) and sorting (`_k`).
 */
export interface RecordDocument extends SearchCopy {
  _id: string;
  r: CatalogueRecord;
  _f: Partial<Record<FacetField, string[]>>;
  _k: { noYear: 0 | 1; year?: number; title: string; author: string };
}

/** Keys sorted at every depth and undefined values dropped: equal content gives equal BSON bytes. */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)])) as T;
  }
  return value;
}

function facetValues(record: CatalogueRecord): RecordDocument['_f'] {
  const facets: RecordDocument['_f'] = {};
  for (const [field, value] of facetPairs(record)) (facets[field] ??= []).push(value);
  return facets;
}

/**
 * The document for a record. It is a pure function of the record's content
 * with a fixed field order, because the server reports a replacement as
 * "not modified" only when the new document is byte-for-byte the stored one:
 * that is what makes the unchanged count of an import exact.
 */
export function toRecordDocument(record: CatalogueRecord): RecordDocument {
  const r = canonical(record);
  return {
    _id: r.id,
    r,
    ...searchCopy(r),
    _f: facetValues(r),
    _k: canonical({
      noYear: r.year === undefined ? 1 : 0,
      year: r.year,
      title: titleSortKey(r.title),
      author: foldForSort(r.authors[0] ?? ''),
    }),
  };
}
