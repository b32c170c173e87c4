import { SearchTimedOut, type RecordStore } from '../storage/store.js';
import { HttpError } from '../http/errors.js';
import type { SearchState } from './search-state.js';
import { buildStoreQuery } from './search-steps.js';
import type { StoreSearchResult } from './search-query.js';

/** Run a member's search against the store. */
export async function searchCatalogue(records: RecordStore, state: SearchState): Promise<StoreSearchResult> {
  try {
    return await records.search(buildStoreQuery(state));
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
