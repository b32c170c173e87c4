import { parseSearch } from './query-parser.js';
import type { SearchState } from './search-state.js';
import type { StoreSearchQuery } from '../model/search-query.js';

/** How many values each facet shows. */
export const FACET_LIMIT = 10;

type Step = (query: StoreSearchQuery, state: SearchState) => StoreSearchQuery;

/** What the member typed, as clauses the store can run safely. */
export const addText: Step = (query, state) => ({ ...query, clauses: parseSearch(state.q).clauses });

/**
 * The member's filters, and the media types named by format words ("emma
 * dvd"). A media type ticked in the facets wins over one typed: the member
 * chose it on purpose, and the two together would widen the search (values
 * of one field combine with OR), not narrow it.
 */
export const addFilters: Step = (query, state) => {
  const typed = parseSearch(state.q).mediaTypes;
  const ticked = state.filters.some((f) => f.field === 'mediaType');
  const named = ticked ? [] : typed.map((value) => ({ field: 'mediaType' as const, value }));
  return { ...query, filters: [...state.filters, ...named] };
};

/** Relevance means nothing without words; browsing then shows the newest first. */
export const addSort: Step = (query, state) => ({
  ...query,
  sort: state.sort === 'relevance' && query.clauses.length === 0 ? 'newest' : state.sort,
});

export const addPaging: Step = (query, state) => ({
  ...query,
  offset: (state.page - 1) * state.perPage,
  limit: state.perPage,
});

export const addFacets: Step = (query) => ({ ...query, facetLimit: FACET_LIMIT });

/** The chain, in order; each step is a pure function tested on its own. */
export const SEARCH_STEPS: readonly Step[] = [addText, addFilters, addSort, addPaging, addFacets];

/** Build the store query for a search state by running every step. */
export function buildStoreQuery(state: SearchState): StoreSearchQuery {
  const empty: StoreSearchQuery = { clauses: [], filters: [], sort: 'relevance', offset: 0, limit: 20, facetLimit: 0 };
  return SEARCH_STEPS.reduce((query, step) => step(query, state), empty);
}
