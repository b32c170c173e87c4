import { fullTitle, isAvailable, recordPath, type CatalogueRecord } from '../model/record.js';
import { availability, NO_HOLDS, type HoldCounts } from './availability.js';
import { FACET_FIELDS, type FacetField } from '../model/search-query.js';
import type { CatalogueSearchResult } from './search-service.js';
import { PAGE_SIZES, SORT_ORDERS, type SearchState } from './search-state.js';
import { lastPageWithin } from './request-limits.js';
import { loggedHref } from './search-log.js';
import { FACET_LABELS, facetValueLabel, languageName, mediaTypeLabel } from './labels.js';

const SORT_LABELS = { relevance: 'Relevance', newest: 'Newest first', oldest: 'Oldest first', title: 'Title A–Z', author: 'Author A–Z' };

/** What a result line needs, whichever page shows it; `holds` makes its availability count reservations. */
export function recordSummary(record: CatalogueRecord, basketIds: ReadonlySet<string>, holds: HoldCounts = NO_HOLDS) {
  return {
    id: record.id,
    title: record.title,
    subtitle: record.subtitle,
    fullTitle: fullTitle(record),
    edition: record.edition,
    author: record.authors[0],
    year: record.year,
    mediaType: mediaTypeLabel(record.mediaType),
    languages: record.languages.map(languageName),
    available: isAvailable(record),
    availableCount: record.holdings.filter((h) => h.status === 'available').length,
    copies: record.holdings.length,
    availability: availability(record, holds),
    inBasket: basketIds.has(record.id),
    href: recordPath(record.id),
  };
}

/** Everything templates/catalogue/results.njk shows; every link is built from the state. */
export function resultsView(state: SearchState, result: CatalogueSearchResult, basketIds: ReadonlySet<string>, holds: ReadonlyMap<string, HoldCounts> = new Map()) {
  // Page links stop at the first 10,000 results, the deepest a search may go.
  const pages = Math.max(1, Math.min(Math.ceil(result.total / state.perPage), lastPageWithin(state.perPage)));
  const first = result.total === 0 ? 0 : (state.page - 1) * state.perPage + 1;
  return {
    q: state.q,
    total: result.total,
    // A store may stop counting at a cap (MongoDB does at 10,000): then the page says "more than".
    totalText: result.totalIsLowerBound ? `more than ${result.total.toLocaleString('en-GB')}` : String(result.total),
    facetsEstimated: Boolean(result.facetsEstimated),
    // A page number past the end (an old link, a hand-edited URL) says so and links to the last page.
    pastEnd: result.total > 0 && state.page > pages ? { page: state.page, pages, lastHref: state.withPage(pages).href() } : undefined,
    first,
    last: Math.min(result.total, state.page * state.perPage),
    records: result.records.map((r) => ({ ...recordSummary(r, basketIds, holds.get(r.id)), href: state.recordHref(r.id) })),
    activeFilters: state.filters.map((f) => ({
      label: FACET_LABELS[f.field],
      value: facetValueLabel(f.field, f.value),
      removeHref: state.withoutFilter(f.field, f.value).href(),
    })),
    clearFiltersHref: state.withoutFilters().href(),
    facets: FACET_FIELDS.map((field) => facetView(state, result, field)).filter((facet) => facet.values.length > 0),
    sorts: SORT_ORDERS.map((sort) => ({ value: sort, label: SORT_LABELS[sort], selected: sort === state.sort })),
    pageSizes: PAGE_SIZES.map((size) => ({ value: size, selected: size === state.perPage })),
    filterParams: state.filters.map((f) => `${f.field}:${f.value}`),
    pagination: {
      page: state.page,
      pages,
      prevHref: state.page > 1 ? state.withPage(state.page - 1).href() : undefined,
      nextHref: state.page < pages ? state.withPage(state.page + 1).href() : undefined,
      links: pageWindow(state.page, pages).map((n) => ({ n, href: state.withPage(n).href(), current: n === state.page })),
    },
    returnTo: state.href(),
  };
}

/**
 * One facet as the member sees it. With nothing ticked in the field, each
 * value's count is the results a click shows. Once a value is ticked, the
 * ticked ones stay (a click unticks) and the others say what ticking them
 * would add, "+3": values of one field OR, so that is what a click gives.
 */
function facetView(state: SearchState, result: CatalogueSearchResult, field: FacetField) {
  const ticked = state.valuesOf(field);
  const base = { field, label: FACET_LABELS[field], widening: ticked.length > 0 };
  if (ticked.length === 0) {
    return {
      ...base,
      values: result.facets[field].map(({ value, count }) => ({
        label: facetValueLabel(field, value), count, countText: String(count), selected: false, adds: false,
        href: loggedHref(state.withFilter(field, value).href(), 'facet'),
      })),
    };
  }
  const shown = new Map(result.facets[field].map((c) => [c.value, c.count]));
  const selected = ticked.map((value) => {
    const count = shown.get(value);
    return {
      label: facetValueLabel(field, value), count, countText: count === undefined ? undefined : String(count), selected: true, adds: false,
      href: state.withoutFilter(field, value).href(),
    };
  });
  const others = (result.adds[field] ?? []).filter((c) => c.count > 0 && !ticked.includes(c.value)).map(({ value, count }) => ({
    label: facetValueLabel(field, value), count, countText: `+${count}`, selected: false, adds: true,
    href: loggedHref(state.withFilter(field, value).href(), 'facet'),
  }));
  return { ...base, values: [...selected, ...others] };
}

/** Up to seven page numbers around the current one. */
function pageWindow(page: number, pages: number): number[] {
  const start = Math.max(1, Math.min(page - 3, pages - 6));
  const end = Math.min(pages, start + 6);
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}
