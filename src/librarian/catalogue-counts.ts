import type { FacetCount } from '../model/search-query.js';
import { languageName, mediaTypeLabel } from '../catalogue/labels.js';
import type { Store } from '../storage/store.js';

/** Enough facet values to list every media type, language and branch a library has. */
const ALL_VALUES = 10_000;

export interface CountRow {
  label: string;
  count: number;
}

export interface CatalogueCounts {
  total: number;
  mediaTypes: CountRow[];
  languages: CountRow[];
  branches: CountRow[];
}

/**
 * Records by media type, language and branch. A search with no clauses and
 * no filters already counts the whole catalogue per facet, so this is that
 * search with no records asked for.
 */
export async function catalogueCounts(store: Pick<Store, 'records'>): Promise<CatalogueCounts> {
  const result = await store.records.search({ clauses: [], filters: [], sort: 'title', offset: 0, limit: 0, facetLimit: ALL_VALUES });
  const rows = (counts: FacetCount[], label: (v: string) => string) => counts.map((c) => ({ label: label(c.value), count: c.count }));
  return {
    total: result.total,
    mediaTypes: rows(result.facets.mediaType, mediaTypeLabel),
    languages: rows(result.facets.language, languageName),
    branches: rows(result.facets.branch, (v) => v),
  };
}
