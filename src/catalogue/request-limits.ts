import { BadRequest } from '../http/errors.js';
import { MAX_CLAUSES, parseAllClauses } from './query-parser.js';
import { PAGE_SIZES } from './search-state.js';

/** As VuFind: results past the first 10,000 are for crawlers; members refine instead. */
export const MAX_RESULT_DEPTH = 10_000;
export const MAX_VALUES_PER_FILTER = 10;
export const MAX_FILTER_VALUES = 20;

/** The last page that still lies within the first 10,000 results. */
export function lastPageWithin(perPage: number): number {
  return Math.floor(MAX_RESULT_DEPTH / perPage);
}

/**
 * Refuses, with a message a member can act on, a search that asks for more
 * than one request may: it would be slow for everyone rather than useful.
 */
export function checkSearchLimits(params: URLSearchParams): void {
  const values = new Set(params.getAll('f'));
  const perField = new Map<string, number>();
  for (const value of values) {
    const field = value.slice(0, Math.max(0, value.indexOf(':')));
    perField.set(field, (perField.get(field) ?? 0) + 1);
  }
  if ([...perField.values()].some((n) => n > MAX_VALUES_PER_FILTER)) {
    throw new BadRequest(`A search may combine at most ${MAX_VALUES_PER_FILTER} values of one filter. Please remove some and try again.`);
  }
  if (values.size > MAX_FILTER_VALUES) {
    throw new BadRequest(`A search may combine at most ${MAX_FILTER_VALUES} filter values in all. Please remove some and try again.`);
  }
  const per = Number.parseInt(params.get('per') ?? '', 10);
  const perPage = (PAGE_SIZES as readonly number[]).includes(per) ? per : 20;
  const page = Number.parseInt(params.get('page') ?? '', 10);
  if (Number.isFinite(page) && page > lastPageWithin(perPage)) {
    throw new BadRequest('Only the first 10,000 results of a search can be shown. Please narrow the search with more words or a filter.');
  }
  if (parseAllClauses(params.get('q') ?? '').length > MAX_CLAUSES) {
    throw new BadRequest(`A search may have at most ${MAX_CLAUSES} words, phrases or field searches. Please shorten it.`);
  }
}
