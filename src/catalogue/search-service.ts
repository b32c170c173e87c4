import { SearchTimedOut, type RecordStore } from '../storage/store.js';
import { HttpError } from '../http/errors.js';
import type { SearchState } from './search-state.js';
import { buildStoreQuery } from './search-steps.js';
import type { StoreSearchResult } from './search-query.js';
import { facetAdds, type FacetAdds } from './facet-adds.js';

/** A search's results, with what ticking one more value of an already-filtered field would add. */
export type CatalogueSearchResult = StoreSearchResult & { adds: FacetAdds };

/** Run a member's search against the store: the page, and the facet counts beside it. */
export async function searchCatalogue(records: RecordStore, state: SearchState): Promise<CatalogueSearchResult> {
  const query = buildStoreQuery(state);
  try {
    const [result, more] = await Promise.all([records.search(query), facetAdds(records, query)]);
    return { ...result, adds: more.adds, ...(more.estimated ? { facetsEstimated: true } : {}) };
  } catch (error) {
    if (error instanceof SearchTimedOut) throw new SearchTooSlow();
    throw error;
  }
}

/** How many records a search finds, without a page or facets: for the search log. */
export async function countMatches(records: RecordStore, state: SearchState): Promise<number> {
  try {
    return (await records.search({ ...buildStoreQuery(state), offset: 0, limit: 0, facetLimit: 0 })).total;
  } catch (error) {
    if (error instanceof SearchTimedOut) throw new SearchTooSlow();
    throw error;
  }
}

/** Said plainly: the search was stopped so that it would not hold up everyone else's. */
export class SearchTooSlow extends HttpError {
  constructor() {
    super(503, 'This search took too long and was stopped, so that the catalogue stays quick for everyone. Try more specific words, or narrow it with a filter.');
  }
}
