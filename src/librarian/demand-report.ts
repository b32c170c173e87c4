import { FACET_LABELS, facetValueLabel } from '../catalogue/labels.js';
import { FACET_FIELDS, type FacetField } from '../model/search-query.js';
import type { DemandCount, Store } from '../storage/store.js';
import { daysOf, type DateRange } from '../text/date-range.js';

/** Rows per "top" table: enough to act on, short enough to read. */
export const TOP = 25;

export interface DayRow {
  day: string;
  searches: number;
  zeroResults: number;
}

export interface FilterRow extends DemandCount {
  /** "Language: English". */
  label: string;
}

/** The search demand report for a date range, from the anonymous search log. */
export interface DemandReport {
  days: DayRow[];
  totalSearches: number;
  totalZero: number;
  topQueries: DemandCount[];
  topZero: DemandCount[];
  topFilters: FilterRow[];
}

/** "language:eng" → "Language: English"; anything unexpected is shown as it was logged. */
function filterLabel(filter: string): string {
  const at = filter.indexOf(':');
  const field = filter.slice(0, at) as FacetField;
  if (at < 0 || !FACET_FIELDS.includes(field)) return filter;
  return `${FACET_LABELS[field]}: ${facetValueLabel(field, filter.slice(at + 1))}`;
}

/**
 * A query or filter shows in the top lists only once it was searched from at
 * least this many visits (k-anonymity): one person's search never shows, and
 * one visitor cannot stuff the lists.
 */
export const MIN_VISITS = 3;

/** Gathers the four reports; days without a search are filled in with zeros so the chart has no gaps. */
export async function demandReport(store: Pick<Store, 'searchLog'>, range: DateRange): Promise<DemandReport> {
  const [daily, topQueries, topZero, topFilters] = await Promise.all([
    store.searchLog.daily(range.start, range.end),
    store.searchLog.topQueries(range.start, range.end, TOP, { minVisits: MIN_VISITS }),
    store.searchLog.topQueries(range.start, range.end, TOP, { zeroResults: true, minVisits: MIN_VISITS }),
    store.searchLog.topFilters(range.start, range.end, TOP, { minVisits: MIN_VISITS }),
  ]);
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const days = daysOf(range).map((day) => byDay.get(day) ?? { day, searches: 0, zeroResults: 0 });
  return {
    days,
    totalSearches: daily.reduce((n, d) => n + d.searches, 0),
    totalZero: daily.reduce((n, d) => n + d.zeroResults, 0),
    topQueries,
    topZero,
    topFilters: topFilters.map((f) => ({ ...f, label: filterLabel(f.value) })),
  };
}
