import type { QueryClause, SearchField, StoreSearchQuery, StoreSearchResult } from '../../../src/model/search-query.js';
import type { Store } from '../../../src/storage/store.js';

/** Gives each test the store opened for it (a fresh, empty one). */
export type StoreRef = () => Store;

/** A search query with everyday defaults: relevance, first 50, 10 facet values. */
export function query(overrides: Partial<StoreSearchQuery> = {}): StoreSearchQuery {
  return { clauses: [], filters: [], sort: 'relevance', offset: 0, limit: 50, facetLimit: 10, ...overrides };
}

/** A clause of space-separated words, as the query parser would hand it over. */
export function clause(text: string, field: SearchField = 'any', phrase = false): QueryClause {
  return { field, words: text.split(' ').filter(Boolean), phrase };
}

/** The ids of the records on a result page, in order. */
export function ids(result: StoreSearchResult): string[] {
  return result.records.map((r) => r.id);
}

/** Ids found by a plain-words search over all fields, sorted so order does not matter. */
export async function idsMatching(store: Store, text: string, field: SearchField = 'any', phrase = false): Promise<string[]> {
  return ids(await store.records.search(query({ clauses: [clause(text, field, phrase)] }))).sort();
}

/**
 * "Now" for tests of data that expires. It lies a day ahead of the real
 * clock, on a whole minute: MongoDB's TTL monitor deletes documents whose
 * expiry has passed in real time, so a fixed date in the past would let it
 * delete sessions in the middle of a test.
 */
export const EXPIRY_NOW = Math.ceil((Date.now() + 24 * 60 * 60_000) / 60_000) * 60_000;
