import type { Document, Filter, FindOptions } from 'mongodb';
import { FACET_FIELDS, RESULT_WINDOW, type FacetCount, type FacetField, type SortOrder, type StoreSearchQuery, type StoreSearchResult } from '../../model/search-query.js';
import { clauseFilter, facetFilter } from './search-filter.js';
import type { RecordDocument } from './record-document.js';

/** Totals are counted exactly up to here; beyond it the page says "more than 10,000". */
export const TOTAL_CAP = 10_000;
/** Documents drawn at random for facet estimates of a large match set. */
export const FACET_SAMPLE = 5_000;

/** Sort per order; ties by `_id` so pages are stable. Records without a year come last either way, as in the embedded store. */
const SORTS: Record<Exclude<SortOrder, 'relevance'>, Document> = {
  newest: { '_k.noYear': 1, '_k.year': -1, _id: 1 },
  oldest: { '_k.noYear': 1, '_k.year': 1, _id: 1 },
  title: { '_k.title': 1, _id: 1 },
  author: { '_k.author': 1, _id: 1 },
};

/** Each order is served by the index of the same keys (see RECORD_INDEXES); relevance without words falls back to newest. */
export function sortSpec(sort: SortOrder, hasText: boolean): Document {
  if (sort === 'relevance' && hasText) return { _score: { $meta: 'textScore' }, _id: 1 };
  return Object.hasOwn(SORTS, sort) ? SORTS[sort as keyof typeof SORTS] : SORTS.newest;
}

/** What a search is made of: the exact filter, and the words `$text` ranks by (none when the query has no clauses). */
export interface SearchPlan {
  /** AND of every clause and filter, exactly as the embedded store matches; no `$text`, so it runs anywhere in a pipeline. */
  match: Filter<RecordDocument>;
  words: string[];
  /** True when nothing narrows the catalogue: whole-catalogue counts apply. */
  browse: boolean;
}

/** Null when the clauses hold no searchable word, which matches nothing. */
export function searchPlan(query: StoreSearchQuery): SearchPlan | null {
  const text = query.clauses.length > 0 ? clauseFilter(query.clauses) : undefined;
  if (text === null) return null;
  const match: Document = { ...facetFilter(query.filters, query.exclude) };
  if (text) Object.assign(match, text.filter);
  return { match, words: text?.words ?? [], browse: !text && Object.keys(match).length === 0 };
}

/**
 * The page: record ids only, from `find(filter).sort(key).limit()`. The sort
 * orders walk their index and stop at the page's end; only relevance adds
 * `$text`, whose index narrows to records with any of the words (the exact
 * `$all` filter beside it keeps the AND) and supplies the score.
 */
export function pageQuery(plan: SearchPlan, query: StoreSearchQuery): { filter: Document; options: FindOptions } {
  const ranked = query.sort === 'relevance' && plan.words.length > 0;
  // Bounded to the first RESULT_WINDOW results, as the embedded store bounds them.
  const skip = Math.min(RESULT_WINDOW, Math.max(0, Math.trunc(query.offset)));
  const filter = ranked ? { ...plan.match, $text: { $search: plan.words.join(' ') } } : plan.match;
  return {
    filter,
    options: {
      sort: sortSpec(query.sort, ranked),
      projection: ranked ? { _id: 1, _score: { $meta: 'textScore' } } : { _id: 1 },
      skip,
      limit: Math.min(RESULT_WINDOW - skip, Math.max(0, Math.trunc(query.limit))),
    },
  };
}

/** One facet: count each value once per record, most frequent first, ties by value. */
function facetStages(field: FacetField, limit: number): Document[] {
  return [
    { $unwind: `$_f.${field}` },
    { $group: { _id: `$_f.${field}`, count: { $sum: 1 } } },
    { $sort: { count: -1, _id: 1 } },
    { $limit: limit },
  ];
}

/** Exact facet counts over a match set already known to be at most TOTAL_CAP records: only `_f` is carried. */
export function facetPipeline(match: Document, facetLimit: number): Document[] {
  return [
    { $match: match },
    { $project: { _id: 0, _f: 1 } },
    { $facet: Object.fromEntries(FACET_FIELDS.map((field) => [field, facetStages(field, facetLimit)])) },
  ];
}

/**
 * Facets of a large match set estimated from a random sample of the whole
 * catalogue: `$sample` first uses the storage engine's random cursor, so the
 * cost is FACET_SAMPLE documents whatever the catalogue's size. `n` is how
 * many of the sample matched, so counts can be scaled to the catalogue.
 */
export function sampleFacetPipeline(match: Document, facetLimit: number, size = FACET_SAMPLE): Document[] {
  return [
    { $sample: { size } },
    { $match: match },
    { $project: { _id: 0, _f: 1 } },
    { $facet: { n: [{ $count: 'n' }], ...Object.fromEntries(FACET_FIELDS.map((field) => [field, facetStages(field, facetLimit)])) } },
  ];
}

/** Every facet field present, even when it has no values. */
export function emptyFacets(): Record<FacetField, FacetCount[]> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Record<FacetField, FacetCount[]>;
}

export function emptyResult(): StoreSearchResult {
  return { total: 0, records: [], facets: emptyFacets() };
}

/** The `$facet` document read into counts; `scale` turns sample counts into catalogue estimates. */
export function readFacets(output: Document | undefined, scale = 1): Record<FacetField, FacetCount[]> {
  const facets = emptyFacets();
  for (const field of FACET_FIELDS) {
    const groups = (output?.[field] ?? []) as Array<{ _id: string; count: number }>;
    facets[field] = groups.map((g) => ({ value: g._id, count: Math.max(1, Math.round(g.count * scale)) }));
  }
  return facets;
}

/** How many sampled documents matched, from the sample pipeline's output. */
export function sampledMatches(output: Document | undefined): number {
  return (output?.n as Array<{ n: number }> | undefined)?.[0]?.n ?? 0;
}
