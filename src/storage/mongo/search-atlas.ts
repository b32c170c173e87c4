import type { Document } from 'mongodb';
import { FACET_FIELDS, type FacetField, type QueryClause, type QueryTerm, type StoreSearchQuery, type StoreSearchResult } from '../../model/search-query.js';
import { compactIsbn } from '../../text/isbn.js';
import { FTS_COLUMNS } from '../search-columns.js';
import { emptyFacets, TOTAL_CAP } from './search-pipeline.js';
import { SEARCH_COLUMNS, tokens } from './search-text.js';

/**
 * MongoDB Search (Atlas, or Community 8.2+ with mongot), used when
 * MONGODB_SEARCH=atlas. Lucene gives BM25 ranking and exact facet counts
 * from the index, which `$text` cannot. `_p.*` already holds folded tokens
 * joined by spaces, so the whitespace analyzer sees exactly the words the
 * embedded store indexes; facet values are indexed as `token` for `in`
 * filters and string facets.
 */
export const ATLAS_INDEX_NAME = 'shelfmark_search';
export const ATLAS_INDEX_DEFINITION: Document = {
  analyzer: 'lucene.whitespace',
  searchAnalyzer: 'lucene.whitespace',
  mappings: {
    dynamic: false,
    fields: {
      _p: { type: 'document', fields: Object.fromEntries(FTS_COLUMNS.map((c) => [c.name, { type: 'string' }])) },
      _f: { type: 'document', fields: Object.fromEntries(FACET_FIELDS.map((f) => [f, { type: 'token' }])) },
      // Sortable types for the `sort` option: numbers, and strings as tokens.
      _k: { type: 'document', fields: { noYear: { type: 'number' }, year: { type: 'number' }, title: { type: 'token' }, author: { type: 'token' } } },
      _id: { type: 'token' },
    },
  },
};

/** Lucene's facet buckets stop at 1000 per facet. */
const MAX_BUCKETS = 1000;

const pathsOf = (field: QueryClause['field']) => (field === 'any' ? SEARCH_COLUMNS.map((c) => `_p.${c}`) : [`_p.${field}`]);

/** A term as Lucene operators: each word (in any of its forms) as `text`, a phrase as `phrase`. */
function termOperators(term: QueryTerm): Document[] {
  const words = term.words.flatMap((w) => tokens(compactIsbn(w.normalize('NFC'))));
  if (words.length === 0) return [];
  const path = pathsOf(term.field);
  if (term.phrase && words.length > 1) return [{ phrase: { query: words.join(' '), path } }];
  const forms = words.length === 1 ? (term.forms ?? []).flatMap((f) => tokens(f)).filter((f) => f !== words[0]) : [];
  if (forms.length > 0) return [{ text: { query: [words[0]!, ...new Set(forms)], path } }];
  return words.map((word) => ({ text: { query: word, path } }));
}

/** One operator for a list of them: itself, or a compound that needs them all. */
const allOf = (ops: Document[]): Document => (ops.length === 1 ? ops[0]! : { compound: { must: ops } });

/**
 * `compound.must`: every word (`text`) and every phrase (`phrase`) must
 * match, `a OR b` as a `should` of which one must, excluded clauses as
 * `mustNot`; `filter` holds the facets, which do not score.
 */
export function atlasOperator(query: StoreSearchQuery): Document | null {
  const must: Document[] = [];
  const mustNot: Document[] = [];
  for (const clause of query.clauses) {
    const terms = [clause, ...(clause.or ?? [])].map(termOperators).filter((ops) => ops.length > 0);
    if (terms.length === 0) continue;
    if (clause.exclude) mustNot.push(...terms.map(allOf));
    else if (terms.length === 1) must.push(...terms[0]!);
    else must.push({ compound: { should: terms.map(allOf), minimumShouldMatch: 1 } });
  }
  if (must.length === 0) return null;
  const filter = inFields(query.filters);
  mustNot.push(...inFields(query.exclude ?? []));
  return { compound: { must, ...(mustNot.length ? { mustNot } : {}), ...(filter.length ? { filter } : {}) } };
}

/** One `in` per known facet field with its values. */
function inFields(filters: StoreSearchQuery['filters']): Document[] {
  const groups = new Map<FacetField, string[]>();
  for (const { field, value } of filters) {
    if (FACET_FIELDS.includes(field)) groups.set(field, [...(groups.get(field) ?? []), String(value)]);
  }
  return [...groups].map(([field, value]) => ({ in: { path: `_f.${field}`, value } }));
}

/** The page as `$search`: BM25 order for relevance, the index's sort otherwise; ids only. */
export function atlasSearchPipeline(query: StoreSearchQuery, operator: Document): Document[] {
  const sorts: Record<string, Document> = {
    newest: { '_k.noYear': 1, '_k.year': -1, _id: 1 },
    oldest: { '_k.noYear': 1, '_k.year': 1, _id: 1 },
    title: { '_k.title': 1, _id: 1 },
    author: { '_k.author': 1, _id: 1 },
  };
  const sort = Object.hasOwn(sorts, query.sort) ? sorts[query.sort] : undefined;
  const offset = Math.max(0, Math.trunc(query.offset));
  return [
    { $search: { index: ATLAS_INDEX_NAME, ...operator, ...(sort ? { sort } : {}) } },
    ...(offset > 0 ? [{ $skip: offset }] : []),
    { $limit: Math.max(1, Math.trunc(query.limit)) },
    { $project: { _id: 1 } },
  ];
}

/** Total (exact up to TOTAL_CAP) and every facet, as one `$searchMeta` with a `facet` collector. */
export function atlasMetaPipeline(query: StoreSearchQuery, operator: Document): Document[] {
  const numBuckets = Math.min(MAX_BUCKETS, Math.max(1, Math.trunc(query.facetLimit)));
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, { type: 'string', path: `_f.${f}`, numBuckets }]));
  return [{ $searchMeta: { index: ATLAS_INDEX_NAME, facet: { operator, facets }, count: { type: 'lowerBound', threshold: TOTAL_CAP } } }];
}

/** The `$searchMeta` document, `{ count: { lowerBound }, facet: { <name>: { buckets } } }`, as a result without records. */
export function readAtlasMeta(meta: Document | undefined, facetLimit: number): Omit<StoreSearchResult, 'records'> {
  const counted = Number(meta?.count?.lowerBound ?? meta?.count?.total ?? 0);
  const facets = emptyFacets();
  if (facetLimit > 0) {
    for (const field of FACET_FIELDS) {
      const buckets = (meta?.facet?.[field]?.buckets ?? []) as Array<{ _id: string; count: number }>;
      facets[field] = buckets.map((b) => ({ value: String(b._id), count: Number(b.count) }));
    }
  }
  return { total: Math.min(counted, TOTAL_CAP), ...(counted > TOTAL_CAP ? { totalIsLowerBound: true } : {}), facets };
}
