import { FACET_FIELDS, type FacetField, type FacetFilter, type SortOrder } from '../model/search-query.js';
import { MAX_QUERY_LENGTH } from './query-parser.js';
import { recordPath } from '../model/record.js';

/** The path of the page listing every edition of the work a record belongs to. */
export function workPath(id: string): string {
  return `/work/${encodeURIComponent(id)}`;
}

export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest', 'title', 'author'];
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
/** Deep paging is for crawlers; members refine instead. */
export const MAX_PAGE = 500;
const MAX_FILTERS = 20;

interface Fields {
  q: string;
  filters: FacetFilter[];
  sort: SortOrder;
  page: number;
  perPage: number;
  /** False when the member asked for every record on its own row (`group=off`) rather than editions grouped as works. */
  grouped: boolean;
}

function isFacetField(value: string): value is FacetField {
  return (FACET_FIELDS as readonly string[]).includes(value);
}

function toInt(value: string | null, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * A search as the member sees it, parsed once from the query string with
 * everything unknown dropped. Every link on a results page is built from it,
 * so facets, sort and paging always carry the rest of the search along.
 */
export class SearchState {
  private constructor(private readonly fields: Fields) {}

  static parse(params: URLSearchParams): SearchState {
    const filters: FacetFilter[] = [];
    for (const raw of params.getAll('f').slice(0, MAX_FILTERS)) {
      const at = raw.indexOf(':');
      const field = raw.slice(0, at);
      const value = raw.slice(at + 1).slice(0, 200);
      if (at > 0 && isFacetField(field) && value && !filters.some((f) => f.field === field && f.value === value)) {
        filters.push({ field, value });
      }
    }
    const sort = params.get('sort') as SortOrder;
    const perPage = toInt(params.get('per'), DEFAULT_PAGE_SIZE);
    return new SearchState({
      q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
      filters,
      sort: SORT_ORDERS.includes(sort) ? sort : 'relevance',
      page: Math.min(toInt(params.get('page'), 1), MAX_PAGE),
      perPage: (PAGE_SIZES as readonly number[]).includes(perPage) ? perPage : DEFAULT_PAGE_SIZE,
      grouped: params.get('group') !== 'off',
    });
  }

  get q() { return this.fields.q; }
  get filters(): readonly FacetFilter[] { return this.fields.filters; }
  get sort() { return this.fields.sort; }
  get page() { return this.fields.page; }
  get perPage() { return this.fields.perPage; }
  get grouped() { return this.fields.grouped; }

  /** The values ticked in one field, in the order they were ticked. */
  valuesOf(field: FacetField): string[] {
    return this.fields.filters.filter((f) => f.field === field).map((f) => f.value);
  }

  /** True when nothing narrows the catalogue: no words and no filters. */
  get isEmpty(): boolean {
    return !this.fields.q && this.fields.filters.length === 0;
  }

  hasFilter(field: FacetField, value: string): boolean {
    return this.fields.filters.some((f) => f.field === field && f.value === value);
  }

  /** Adding or removing a filter, or changing sort or page size, starts again at page 1. */
  withFilter(field: FacetField, value: string): SearchState {
    if (this.hasFilter(field, value)) return this;
    return this.with({ filters: [...this.fields.filters, { field, value }], page: 1 });
  }

  withoutFilter(field: FacetField, value: string): SearchState {
    return this.with({ filters: this.fields.filters.filter((f) => !(f.field === field && f.value === value)), page: 1 });
  }

  withoutFilters(): SearchState {
    return this.with({ filters: [], page: 1 });
  }

  /** The same search with other words (a "Did you mean" link): filters and sort kept, back to page 1. */
  withQuery(q: string): SearchState {
    return this.with({ q: q.trim().slice(0, MAX_QUERY_LENGTH), page: 1 });
  }

  withPage(page: number): SearchState {
    return this.with({ page: Math.max(1, Math.min(page, MAX_PAGE)) });
  }

  withSort(sort: SortOrder): SearchState {
    return this.with({ sort, page: 1 });
  }

  /** The same search with every record on its own row, at a given page. */
  ungrouped(page = 1): SearchState {
    return this.with({ grouped: false, page: Math.max(1, Math.min(page, MAX_PAGE)) });
  }

  /** The same search with editions grouped as works again, from page 1. */
  regrouped(): SearchState {
    return this.with({ grouped: true, page: 1 });
  }

  withPerPage(perPage: number): SearchState {
    return this.with({ perPage, page: 1 });
  }

  /** The canonical query string, defaults left out. */
  toQuery(): string {
    const params = new URLSearchParams();
    if (this.fields.q) params.set('q', this.fields.q);
    for (const f of this.fields.filters) params.append('f', `${f.field}:${f.value}`);
    if (this.fields.sort !== 'relevance') params.set('sort', this.fields.sort);
    if (this.fields.perPage !== DEFAULT_PAGE_SIZE) params.set('per', String(this.fields.perPage));
    if (!this.fields.grouped) params.set('group', 'off');
    if (this.fields.page !== 1) params.set('page', String(this.fields.page));
    return params.toString();
  }

  /**
   * A record's page, carrying this search along in the same parameters, so the
   * record page can keep the query in the search box and link back to these
   * results, with or without JavaScript, and without a session.
   */
  recordHref(id: string): string {
    const query = this.toQuery();
    return query ? `${recordPath(id)}?${query}` : recordPath(id);
  }

  /** A work's page (every edition of the record's work), carrying this search along as recordHref does. */
  workHref(id: string): string {
    const query = this.toQuery();
    return query ? `${workPath(id)}?${query}` : workPath(id);
  }

  /** A link to the results page for this state. */
  href(): string {
    const query = this.toQuery();
    return query ? `/search?${query}` : '/search';
  }

  private with(changes: Partial<Fields>): SearchState {
    return new SearchState({ ...this.fields, ...changes });
  }
}
