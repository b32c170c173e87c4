import type { RecordStore } from '../storage/store.js';
import { SearchTimedOut } from '../model/search-query.js';
import { HttpError } from '../http/errors.js';
import type { SearchState } from './search-state.js';
import { buildStoreQuery } from './search-steps.js';
import { addWordForms } from './word-forms.js';
import { correctQuery } from './did-you-mean.js';
import type { StoreSearchQuery, StoreSearchResult } from '../model/search-query.js';
import { inVolumeOrder, isSeriesSearch, SERIES_ORDER_LIMIT } from './series-order.js';
import { facetAdds, type FacetAdds } from './facet-adds.js';
import { GROUP_WINDOW, groupWorks, listsWorks, type Work } from './works.js';

/**
 * A page of works: the works on this page, how many works the grouped
 * records make, and how many records were grouped (the best GROUP_WINDOW at most).
 */
export interface WorksPage {
  works: Work[];
  rows: number;
  grouped: number;
}

/**
 * A search's results, with what ticking one more value of an already-filtered
 * field would add; for a search that lists works, the page of works (its
 * `records` are then their editions, and `total` still counts records).
 */
export type CatalogueSearchResult = StoreSearchResult & { adds: FacetAdds; works?: WorksPage };

/** Run a member's search against the store: the page, and the facet counts beside it. */
export async function searchCatalogue(records: RecordStore, state: SearchState): Promise<CatalogueSearchResult> {
  try {
    // One query, with the word forms added, for the page and for the facet adds, so both count the same records.
    const query = await addWordForms(buildStoreQuery(state), records);
    const page = isSeriesSearch(query) ? seriesInVolumeOrder(records, query)
      : state.grouped && listsWorks(query) ? inWorks(records, query) : records.search(query);
    const [result, more] = await Promise.all([page, facetAdds(records, query)]);
    return { ...result, adds: more.adds, ...(more.estimated ? { facetsEstimated: true } : {}) };
  } catch (error) {
    if (error instanceof SearchTimedOut) throw new SearchTooSlow();
    throw error;
  }
}

/** How many records a search finds, without a page or facets: for the search log. */
export async function countMatches(records: RecordStore, state: SearchState): Promise<number> {
  try {
    const query = await addWordForms(buildStoreQuery(state), records);
    return (await records.search({ ...query, offset: 0, limit: 0, facetLimit: 0 })).total;
  } catch (error) {
    if (error instanceof SearchTimedOut) throw new SearchTooSlow();
    throw error;
  }
}

/**
 * `series:discworld` lists the series in volume order (490/830 $v, then
 * year): the whole series is read once (at most SERIES_ORDER_LIMIT records)
 * and paged here. A bigger match stays in relevance order.
 */
async function seriesInVolumeOrder(records: RecordStore, query: StoreSearchQuery): Promise<StoreSearchResult> {
  const all = await records.search({ ...query, offset: 0, limit: SERIES_ORDER_LIMIT });
  if (all.total > SERIES_ORDER_LIMIT) return records.search(query);
  return { ...all, records: inVolumeOrder(all.records, query.clauses).slice(query.offset, query.offset + query.limit) };
}

/**
 * Works, for a plain search ranked by relevance: the store is asked for its
 * best GROUP_WINDOW records (one search, as for a page of records; the next
 * page reads them from the store's hit cache) and they are grouped here, each
 * work at the place of its best-ranked edition; the page is cut from the works.
 * When no two of them are one work, it is the page of records as before.
 * A page past them (offset GROUP_WINDOW or more; every page size divides it)
 * is that page of records, one per row, as the works page's "continue" link says.
 */
async function inWorks(records: RecordStore, query: StoreSearchQuery): Promise<StoreSearchResult & { works?: WorksPage }> {
  if (query.offset >= GROUP_WINDOW) return records.search(query);
  const best = await records.search({ ...query, offset: 0, limit: GROUP_WINDOW });
  const works = groupWorks(best.records);
  if (works.length === best.records.length) return { ...best, records: best.records.slice(query.offset, query.offset + query.limit) };
  const shown = works.slice(query.offset, query.offset + query.limit);
  return { ...best, records: shown.flatMap((w) => w.editions), works: { works: shown, rows: works.length, grouped: best.records.length } };
}

/** Said plainly: the search was stopped so that it would not hold up everyone else's. */
export class SearchTooSlow extends HttpError {
  constructor() {
    super(503, 'This search took too long and was stopped, so that the catalogue stays quick for everyone. Try more specific words, or narrow it with a filter.');
  }
}

/** A search that finds this many or fewer is offered a spelling correction. */
export const FEW_RESULTS = 2;

/**
 * "Did you mean": the member's query with misspelt words corrected from the
 * catalogue's own vocabulary, offered only when it finds more than the
 * query as typed; of several spellings, the one that finds the most. The
 * vocabulary is read live, so a suggestion follows every import.
 */
export async function suggestQuery(records: RecordStore, state: SearchState, total: number): Promise<{ q: string; href: string } | undefined> {
  if (!state.q || total > FEW_RESULTS || state.page !== 1) return undefined;
  let best: { q: string; href: string; total: number } | undefined;
  for (const corrected of await correctQuery(state.q, records)) {
    if (corrected === state.q) continue;
    const suggested = state.withQuery(corrected);
    // Only its count decides, so it is counted: no page, no facets, no works.
    const found = await countMatches(records, suggested);
    if (found > (best?.total ?? total)) best = { q: suggested.q, href: suggested.href(), total: found };
  }
  return best && { q: best.q, href: best.href };
}
