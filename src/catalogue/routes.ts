import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import { siteOrigin } from '../http/site-origin.js';
import { SearchState } from './search-state.js';
import { checkSearchLimits } from './request-limits.js';
import { countMatches, suggestQuery } from './search-service.js';
import { recentSearches } from './recent-searches.js';
import { isIsbnOnly, permalinkId } from './open-record.js';
import { parseQuery, parseSearch } from './query-parser.js';
import type { RecordStore } from '../storage/store.js';
import type { StoreSearchResult } from '../model/search-query.js';
import { resultsView } from './results-view.js';
import { recordView } from './record-view.js';
import { recordSearch, searchKindOf } from './search-log.js';
import { recordPath, type CatalogueRecord } from '../model/record.js';
import { dailyVisitKeys } from './visit-key.js';
import { editionsOf } from './works.js';
import { workView } from './work-view.js';
import { pageShowsHolds, VisitorPages } from './visitor-pages.js';

const HOME_FACETS: readonly string[] = ['mediaType', 'language', 'branch'];

/**
 * What the results and record pages show from the visit's basket and the
 * member's reservations. createApp fills it in, so catalogue/ imports neither.
 */
export interface VisitParts {
  basketIds(ctx: Koa.Context): Promise<string[]>;
  reserveBox(ctx: Koa.Context, record: CatalogueRecord): Promise<object>;
  /** A reserve control per result for a logged-in member (none for a visitor), keyed by record id. */
  reserveOnResults(ctx: Koa.Context, records: CatalogueRecord[]): Promise<Map<string, object>>;
}

/** Home, search results and record pages. */
export function catalogueRoutes(deps: RouteDeps<'records' | 'reservations' | 'searchLog'>, visit: VisitParts): Router {
  const { store, render, clock } = deps;
  const router = new Router();
  const visitKey = dailyVisitKeys();
  const pages = new VisitorPages(store, deps.config.PAGE_CACHE_MB * 2 ** 20, clock);
  const search = recentSearches(store.records);

  router.get('/', pages.route(), async (ctx) => {
    const state = SearchState.parse(new URLSearchParams());
    const view = resultsView(state, await search(state), new Set());
    await render(ctx, 'catalogue/home', {
      title: 'Search the catalogue',
      total: view.total,
      facets: view.facets.filter((f) => HOME_FACETS.includes(f.field)),
    });
    pageShowsHolds(ctx, [], new Map());
  });

  router.get('/search', pages.route(), async (ctx) => {
    const params = new URLSearchParams(ctx.querystring);
    checkSearchLimits(params);
    const state = SearchState.parse(params);
    const kind = searchKindOf(params);
    if (kind) {
      // A new search is logged once, with whether it found anything, then shown at its plain address.
      recordSearch(deps, state, await countMatches(store.records, state), visitKey(ctx.ip, clock()), kind);
      ctx.status = 303;
      ctx.redirect(state.href());
      return;
    }
    const [result, basketIds] = await Promise.all([search(state), visit.basketIds(ctx)]);
    // "Select all on this page" reloads the same page with every box ticked: the same search, not a new one.
    const selectAll = ctx.query.select === 'all';
    const opened = selectAll ? null : await recordToOpen(store.records, state, result);
    if (opened) {
      ctx.redirect(state.recordHref(opened));
      return;
    }
    const [holds, reserve] = await Promise.all([store.reservations.holdsFor(result.records.map((r) => r.id)), visit.reserveOnResults(ctx, result.records)]);
    const suggestion = await suggestQuery(store.records, state, result.total);
    const here = state.href();
    const view = resultsView(state, result, new Set(basketIds), holds);
    await render(ctx, 'catalogue/results', {
      title: state.q ? `Search results for ${state.q}` : 'Browse the catalogue',
      ...view,
      records: view.records.map((r) => ({ ...r, reserve: reserve.get(r.id) })),
      suggestion,
      usedField: parseSearch(state.q).usedField,
      selectAll,
      selectAllHref: `${here}${here.includes("?") ? "&" : "?"}select=all#select-all`,
    }, { offThread: true });
    pageShowsHolds(ctx, result.records.map((r) => r.id), holds);
  });

  // The record page's "Back to results" comes from the referring page when its address carries no search.
  const backFrom = (ctx: Koa.Context) => backToResults(ctx.get('referer'), siteOrigin(ctx)) ?? '';
  router.get('/record/:id', pages.route(backFrom), async (ctx) => {
    const record = await store.records.get(ctx.params.id ?? '');
    if (!record) throw new NotFound('We could not find that record. It may have been withdrawn from the catalogue.');
    const [basketIds, holds] = await Promise.all([visit.basketIds(ctx).then((ids) => new Set(ids)), store.reservations.holdsFor([record.id])]);
    // A record opened from the results carries that search (state.recordHref): the box keeps its words, and "Back" returns to it.
    const search = SearchState.parse(new URLSearchParams(ctx.querystring));
    await render(ctx, 'catalogue/record', {
      title: record.title,
      record: recordView(record, basketIds.has(record.id), `${siteOrigin(ctx)}${recordPath(record.id)}`, deps.clock(), holds.get(record.id)),
      q: search.q,
      backHref: search.isEmpty ? backToResults(ctx.get('referer'), siteOrigin(ctx)) : search.href(),
      reserve: await visit.reserveBox(ctx, record),
    });
    pageShowsHolds(ctx, [record.id], holds);
  });

  router.get('/work/:id', pages.route(), async (ctx) => {
    const record = await store.records.get(ctx.params.id ?? '');
    if (!record) throw new NotFound('We could not find that title. It may have been withdrawn from the catalogue.');
    const { editions, complete } = await editionsOf(store.records, record);
    const [basketIds, holds] = await Promise.all([visit.basketIds(ctx).then((ids) => new Set(ids)), store.reservations.holdsFor(editions.map((r) => r.id))]);
    // Opened from the results, the address carries the search (state.workHref): the box keeps it, and "Back" returns to it.
    const search = SearchState.parse(new URLSearchParams(ctx.querystring));
    const work = workView(record, editions, complete, search, basketIds, holds);
    await render(ctx, 'catalogue/work', {
      title: `${work.title}: all editions`,
      work,
      q: search.q,
      backHref: search.isEmpty ? undefined : search.href(),
    });
    pageShowsHolds(ctx, editions.map((r) => r.id), holds);
  });

  return router;
}

/**
 * The record a search opens at once: an ISBN alone that finds exactly one
 * record, or a permalink id (or pasted record link) that names a record and
 * finds nothing else as text, so "1984" still lists the books called 1984.
 * Never with a filter or past page 1: the member is then browsing results.
 */
async function recordToOpen(records: RecordStore, state: SearchState, result: StoreSearchResult): Promise<string | null> {
  if (state.filters.length > 0 || state.page !== 1) return null;
  if (result.total === 1 && isIsbnOnly(parseQuery(state.q))) return result.records[0]!.id;
  const id = result.total === 0 ? permalinkId(state.q) : null;
  return id ? ((await records.get(id))?.id ?? null) : null;
}

/** "Back to results" only when the member came from our own results page. */
function backToResults(referer: string, origin: string): string | undefined {
  if (!referer.startsWith(`${origin}/search`)) return undefined;
  return referer.slice(origin.length);
}
