import type { CatalogueRecord } from '../model/record.js';
import type { QueryClause, StoreSearchQuery } from '../model/search-query.js';
import { foldForSearch } from '../text/fold.js';

/** A series search lists at most this many records in volume order; a larger one stays in relevance order. */
export const SERIES_ORDER_LIMIT = 500;

/** True when a search asks for a series and nothing else (`series:discworld`), ranked by relevance. */
export function isSeriesSearch(query: StoreSearchQuery): boolean {
  return query.sort === 'relevance' && query.clauses.length > 0
    && query.clauses.every((c) => c.field === 'series' && !c.exclude && !c.or?.length);
}

/**
 * The volume a record has in the series a search asked for: the number after
 * the semicolon of its 490/830 entry ("Discworld ; 4" is 4, "; 2a" is 2), or
 * Infinity when the matching entry has none.
 */
export function volumeIn(record: CatalogueRecord, clauses: QueryClause[]): number {
  const words = clauses.flatMap((c) => c.words.map((w) => foldForSearch(w)));
  for (const entry of record.series) {
    const at = entry.lastIndexOf(';');
    const name = foldForSearch(at < 0 ? entry : entry.slice(0, at));
    if (!words.every((w) => name.includes(w))) continue;
    const volume = at < 0 ? NaN : Number.parseFloat(/\d+(?:\.\d+)?/.exec(entry.slice(at + 1))?.[0] ?? '');
    return Number.isFinite(volume) ? volume : Infinity;
  }
  return Infinity;
}

/** Records of a series in volume order, then by year (earliest first), then id. */
export function inVolumeOrder(records: CatalogueRecord[], clauses: QueryClause[]): CatalogueRecord[] {
  const keyed = records.map((record) => ({ record, volume: volumeIn(record, clauses) }));
  keyed.sort((a, b) => a.volume - b.volume || (a.record.year ?? Infinity) - (b.record.year ?? Infinity) || (a.record.id < b.record.id ? -1 : 1));
  return keyed.map((k) => k.record);
}
