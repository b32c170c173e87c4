import { fullTitle, isAvailable, MEDIA_TYPES, recordPath, type CatalogueRecord, type MediaType } from '../model/record.js';
import { availability, NO_HOLDS, type HoldCounts } from './availability.js';
import { FACET_FIELDS, type FacetField } from '../model/search-query.js';
import type { CatalogueSearchResult } from './search-service.js';
import { PAGE_SIZES, SORT_ORDERS, type SearchState } from './search-state.js';
import { lastPageWithin } from './request-limits.js';
import { loggedHref } from './search-log.js';
import { FACET_LABELS, facetValueLabel, languageName, mediaTypeLabel } from './labels.js';
import { GROUP_WINDOW, type Work } from './works.js';

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

/** Holds of several records as one: copies held for members, and everyone waiting for any of them. */
function heldAcross(records: CatalogueRecord[], holds: ReadonlyMap<string, HoldCounts>): HoldCounts {
  const each = records.map((r) => holds.get(r.id) ?? NO_HOLDS);
  return { heldItemIds: each.flatMap((h) => h.heldItemIds), waiting: each.reduce((sum, h) => sum + h.waiting, 0) };
}

/**
 * A work's line in the results: its editions' formats, each with the
 * availability of all its copies in the same wording as a record's line,
 * linked to the one edition of that format or to the work's page.
 */
export function workSummary(work: Work, state: SearchState, holds: ReadonlyMap<string, HoldCounts> = new Map()) {
  const lead = work.editions[0]!;
  const href = state.workHref(lead.id);
  const formats = (Object.keys(MEDIA_TYPES) as MediaType[]).flatMap((type) => {
    const editions = work.editions.filter((r) => r.mediaType === type);
    if (editions.length === 0) return [];
    return [{
      label: mediaTypeLabel(type),
      editions: editions.length,
      availability: availability({ holdings: editions.flatMap((r) => r.holdings) }, heldAcross(editions, holds)),
      href: editions.length === 1 ? state.recordHref(editions[0]!.id) : `${href}#format-${type}`,
    }];
  });
  const years = work.editions.flatMap((r) => (r.year === undefined ? [] : [r.year]));
  const [from, to] = [Math.min(...years), Math.max(...years)];
  return {
    work: true,
    id: lead.id,
    title: lead.title,
    subtitle: lead.subtitle,
    author: lead.authors[0],
    years: years.length === 0 ? undefined : from === to ? String(from) : `${from}–${to}`,
    editions: work.editions.length,
    formats,
    formatsText: formats.map((f) => f.label).join(', '),
    href,
  };
}

/** Everything templates/catalogue/results.njk shows; every link is built from the state. */
export function resultsView(state: SearchState, result: CatalogueSearchResult, basketIds: ReadonlySet<string>, holds: ReadonlyMap<string, HoldCounts> = new Map()) {
  const works = result.works;
  // What the page counts and pages through: works when editions were grouped, records otherwise.
  const count = works ? works.rows : result.total;
  // Page links stop at the first 10,000 results, the deepest a search may go.
  const pages = Math.max(1, Math.min(Math.ceil(count / state.perPage), lastPageWithin(state.perPage)));
  const first = count === 0 ? 0 : (state.page - 1) * state.perPage + 1;
  const recordRow = (r: CatalogueRecord) => ({ ...recordSummary(r, basketIds, holds.get(r.id)), href: state.recordHref(r.id) });
  // Records past the grouped ones continue one per row, from the page that starts after them.
  const continueHref = works && result.total > works.grouped ? state.ungrouped(GROUP_WINDOW / state.perPage + 1).href() : undefined;
  return {
    q: state.q,
    total: count,
    // A store may stop counting at a cap (MongoDB does at 10,000): then the page says "more than".
    totalText: result.totalIsLowerBound && !works ? `more than ${result.total.toLocaleString('en-GB')}` : String(count),
    facetsEstimated: Boolean(result.facetsEstimated),
    // A page number past the end (an old link, a hand-edited URL) says so and links to the last page.
    pastEnd: count > 0 && state.page > pages ? { page: state.page, pages, lastHref: state.withPage(pages).href(), continueHref } : undefined,
    first,
    last: Math.min(count, state.page * state.perPage),
    records: works
      ? works.works.map((w) => (w.editions.length === 1 ? recordRow(w.editions[0]!) : workSummary(w, state, holds)))
      : result.records.map(recordRow),
    grouping: works ? {
      records: result.totalIsLowerBound ? `more than ${result.total.toLocaleString('en-GB')}` : String(result.total),
      grouped: works.grouped,
      complete: !continueHref,
      continueHref,
      everyHref: state.ungrouped().href(),
    } : undefined,
    regroupHref: state.grouped || !state.q ? undefined : state.regrouped().href(),
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
      nextHref: state.page < pages ? state.withPage(state.page + 1).href() : state.page === pages ? continueHref : undefined,
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
