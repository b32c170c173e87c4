import type { CatalogueRecord } from './record.js';

/** Fields a member can search one at a time ("title:emma"). */
export type SearchField = 'any' | 'title' | 'author' | 'subject' | 'isbn' | 'series';

/** A word or a quoted phrase, maybe limited to a field. */
export interface QueryTerm {
  field: SearchField;
  /** Plain words, already stripped of query syntax; never empty. */
  words: string[];
  /** True when the words must appear next to each other, in order. */
  phrase: boolean;
  /**
   * Other forms of a single word that also match (hobbit for hobbits), found by
   * the store in its own vocabulary (storage/lexicon.ts); the typed form ranks above them.
   */
  forms?: string[];
}

/** One part of a parsed query: a term, or several any of which may match (`a OR b`), or one that must not (`-word`). */
export interface QueryClause extends QueryTerm {
  /** Records matching this clause are left out (`-word`, `NOT word`). */
  exclude?: boolean;
  /** Terms that match instead of this one (`a OR b`): the clause matches when any does. */
  or?: QueryTerm[];
}

/** Facets shown beside the results, in display order. */
export const FACET_FIELDS = ['mediaType', 'language', 'decade', 'author', 'subject', 'branch', 'available'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface FacetFilter {
  field: FacetField;
  value: string;
}

/**
 * How deep results go: past the first 10,000 a search returns its total but no
 * records, as VuFind and Solr bound deep paging, so page 500 costs no more than page 1.
 */
export const RESULT_WINDOW = 10_000;

export type SortOrder = 'relevance' | 'newest' | 'oldest' | 'title' | 'author';

/** What the catalogue asks the store for; built from a SearchState by small named steps. */
export interface StoreSearchQuery {
  /** All clauses must match (AND), except those marked `exclude`, which must not. Empty means "everything". */
  clauses: QueryClause[];
  /** Filters on different fields combine with AND, on the same field with OR. */
  filters: FacetFilter[];
  /**
   * Records holding any of these values are left out. The catalogue uses it to
   * count what ticking one more value of a field would add to the results:
   * that field counted under the other fields' filters, minus what is already shown.
   */
  exclude?: FacetFilter[];
  sort: SortOrder;
  offset: number;
  limit: number;
  /** How many values to return per facet (most frequent first). */
  facetLimit: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface StoreSearchResult {
  /** Exact, unless `totalIsLowerBound`: then at least this many match (a store may stop counting at a cap). */
  total: number;
  totalIsLowerBound?: boolean;
  /** Facet counts estimated from a sample rather than counted (a store may do so for very large result sets). */
  facetsEstimated?: boolean;
  records: CatalogueRecord[];
  facets: Record<FacetField, FacetCount[]>;
}

/** A search stopped because it ran past the store's time budget; nothing is wrong with the catalogue. */
export class SearchTimedOut extends Error {
  constructor() {
    super('the search ran past its time budget and was stopped');
  }
}
