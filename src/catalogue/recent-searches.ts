import type { RecordStore } from '../storage/store.js';
import { VersionedCache } from '../storage/versioned-cache.js';
import { searchCatalogue, type CatalogueSearchResult } from './search-service.js';
import type { SearchState } from './search-state.js';

/** How many searches are kept: each holds at most a page of grouped works (100 records) and its facets. */
const KEPT = 100;

/**
 * The last searches' results, per catalogue version, for pages that cannot be
 * kept whole (a member with a basket or a login gets a page of their own):
 * the same search again, or its page with one more box ticked, is then only
 * rendered. Members asking for the same search at the same moment share one
 * search. Nothing outlives a change to the catalogue (RecordStore.version).
 */
export function recentSearches(records: RecordStore, kept = KEPT): (state: SearchState) => Promise<CatalogueSearchResult> {
  const cache = new VersionedCache<Promise<CatalogueSearchResult>>(kept);
  return async (state) => {
    const key = state.href();
    return cache.read(await records.version(), key, () => searchCatalogue(records, state).catch((error: unknown) => {
      // A failed search (too slow, the store down) is tried afresh next time.
      cache.forget(key);
      throw error;
    }));
  };
}
