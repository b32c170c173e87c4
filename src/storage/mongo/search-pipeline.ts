import type { Document } from 'mongodb';
import type { CatalogueRecord } from '../../catalogue/record.js';
import { FACET_FIELDS, RESULT_WINDOW, type FacetCount, type FacetField, type SortOrder, type StoreSearchQuery, type StoreSearchResult } from '../../catalogue/search-query.js';
import { clauseFilter, facetFilter } from './search-filter.js';

/** Sort per order; ties by `_id` so pages are stable. Records without a year come last either way, as in the embedded store. */
const SORTS: Record<Exclude<SortOrder, 'relevance'>, Document> = {
  newest: { '_k.noYear': 1, '_k.year': -1, _id: 1 },
  oldest: { '_k.noYear': 1, '_k.year': 1, _id: 1 },
  title: { '_k.title': 1, _id: 1 },
  author: { '_k.author': 1, _id: 1 },
};

/** `$text` ranks; relevance without words falls back to newest, and so does an unknown order. */
export function sortSpec(sort: SortOrder, hasText: boolean): Document {
  if (sort === 'relevance' && hasText) return { _score: -1, _id: 1 };
  return Object.hasOwn(SORTS, sort) ? SORTS[sort as keyof typeof SORTS] : SORTS.newest;
}

/** One facet: count each value once per matching record, most frequent first, ties by value. */
function facetStages(field: FacetField, limit: number): Document[] {
  return [
    { $unwind: `$_f.${field}` },
    { $group: { _id: `$_f.${field}`, count: { $sum: 1 } } },
    { $sort: { count: -1, _id: 1 } },
    { $limit: limit },
  ];
}

/**
 * The whole search as one aggregation: match, then `$facet` for the total,
 * the page and every facet over the same match set. Null when the clauses
 * hold no searchable word, which matches nothing.
 */
export function searchPipeline(query: StoreSearchQuery): Document[] | null {
  const text = query.clauses.length > 0 ? clauseFilter(query.clauses) : undefined;
  if (text === null) return null;
  // Bounded to the first RESULT_WINDOW results, as the embedded store bounds them.
  const offset = Math.min(RESULT_WINDOW, Math.max(0, Math.trunc(query.offset)));
  const limit = Math.min(RESULT_WINDOW - offset, Math.max(0, Math.trunc(query.limit)));
  const facetLimit = Math.max(0, Math.trunc(query.facetLimit));
  const match: Document = { ...facetFilter(query.filters) };
  if (text) Object.assign(match, { $text: { $search: text.words.join(' ') } }, text.filter);

  const page = [{ $sort: sortSpec(query.sort, Boolean(text)) }, ...(offset > 0 ? [{ $skip: offset }] : []), { $limit: limit }, { $project: { _id: 0, r: 1 } }];
  const facets = Object.fromEntries(FACET_FIELDS.map((field) => [field, facetStages(field, facetLimit)]));
  return [
    { $match: match },
    ...(text ? [{ $addFields: { _score: { $meta: 'textScore' } } }] : []),
    // $limit must be positive, so an empty page or no facets are left out rather than asked for.
    { $facet: { total: [{ $count: 'n' }], ...(limit > 0 ? { page } : {}), ...(facetLimit > 0 ? facets : {}) } },
  ];
}

/** Every facet field present, even when it has no values. */
export function emptyResult(): StoreSearchResult {
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Record<FacetField, FacetCount[]>;
  return { total: 0, records: [], facets };
}

/** The single document `$facet` returns, read into the store's result shape. */
export function readSearchResult(output: Document | undefined): StoreSearchResult {
  const result = emptyResult();
  if (!output) return result;
  result.total = (output.total as Array<{ n: number }>)[0]?.n ?? 0;
  result.records = ((output.page ?? []) as Array<{ r: CatalogueRecord }>).map((doc) => doc.r);
  for (const field of FACET_FIELDS) {
    const groups = (output[field] ?? []) as Array<{ _id: string; count: number }>;
    result.facets[field] = groups.map((g) => ({ value: g._id, count: g.count }));
  }
  return result;
}
