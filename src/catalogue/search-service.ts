import type { RecordStore } from '../storage/store.js';
import type { SearchState } from './search-state.js';
import { buildStoreQuery } from './search-steps.js';
import type { StoreSearchResult } from './search-query.js';

/** Run a member's search against the store. */
export async function searchCatalogue(records: RecordStore, state: SearchState): Promise<StoreSearchResult> {
  return records.search(buildStoreQuery(state));
}
