import { SearchTimedOut, type RecordStore } from '../storage/store.js';
import { HttpError } from '../http/errors.js';
import type { SearchState } from './search-state.js';
import { buildStoreQuery } from './search-steps.js';
import { addWordForms } from './word-forms.js';
import { correctQuery } from './did-you-mean.js';
import type { StoreSearchResult } from './search-query.js';

/** Run a member's search against the store. */
export async function searchCatalogue(records: RecordStore, state: SearchState): Promise<StoreSearchResult> {
  try {
    return await records.search(await addWordForms(buildStoreQuery(state), records));
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
    const found = await searchCatalogue(records, suggested);
    if (found.total > (best?.total ?? total)) best = { q: suggested.q, href: suggested.href(), total: found.total };
  }
  return best && { q: best.q, href: best.href };
}
