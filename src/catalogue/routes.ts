import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import { siteOrigin } from '../http/site-origin.js';
import { SearchState } from './search-state.js';
import { checkSearchLimits } from './request-limits.js';
import { countMatches, searchCatalogue } from './search-service.js';
import { resultsView } from './results-view.js';
import { recordView } from './record-view.js';
import { recordSearch, searchKindOf } from './search-log.js';
import { recordPath, type CatalogueRecord } from './record.js';
import { dailyVisitKeys } from './visit-key.js';

const HOME_FACETS: readonly string[] = ['mediaType', 'language', 'branch'];

/**
 * What the results and record pages show from the visit's basket and the
 * member's reservations. createApp fills it in, so catalogue/ imports neither.
 */
export interface VisitParts {
  basketIds(ctx: Koa.Context): Promise<string[]>;
  reserveBox(ctx: Koa.Context, record: CatalogueRecord): Promise<object>;
}

/** Home, search results and record pages. */
export function catalogueRoutes(deps: RouteDeps<'records' | 'searchLog'>, visit: VisitParts): Router {
  const { store, render, clock } = deps;
  const router = new Router();
  const visitKey = dailyVisitKeys();

  router.get('/', async (ctx) => {
    const state = SearchState.parse(new URLSearchParams());
    const view = resultsView(state, await searchCatalogue(store.records, state), new Set());
    await render(ctx, 'catalogue/home', {
      title: 'Search the catalogue',
      total: view.total,
      facets: view.facets.filter((f) => HOME_FACETS.includes(f.field)),
    });
  });

  router.get('/search', async (ctx) => {
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
    const [result, basketIds] = await Promise.all([searchCatalogue(store.records, state), visit.basketIds(ctx)]);
    const selectAll = ctx.query.select === 'all';
    const here = state.href();
    await render(ctx, 'catalogue/results', {
      title: state.q ? `Search results for ${state.q}` : 'Browse the catalogue',
      ...resultsView(state, result, new Set(basketIds)),
      selectAll,
      selectAllHref: `${here}${here.includes("?") ? "&" : "?"}select=all#select-all`,
    });
  });

  router.get('/record/:id', async (ctx) => {
    const record = await store.records.get(ctx.params.id ?? '');
    if (!record) throw new NotFound('We could not find that record. It may have been withdrawn from the catalogue.');
    const basketIds = new Set(await visit.basketIds(ctx));
    // A record opened from the results carries that search (state.recordHref): the box keeps its words, and "Back" returns to it.
    const search = SearchState.parse(new URLSearchParams(ctx.querystring));
    await render(ctx, 'catalogue/record', {
      title: record.title,
      record: recordView(record, basketIds.has(record.id), `${siteOrigin(ctx)}${recordPath(record.id)}`, deps.clock()),
      q: search.q,
      backHref: search.isEmpty ? backToResults(ctx.get('referer'), siteOrigin(ctx)) : search.href(),
      reserve: await visit.reserveBox(ctx, record),
    });
  });

  return router;
}

/** "Back to results" only when the member came from our own results page. */
function backToResults(referer: string, origin: string): string | undefined {
  if (!referer.startsWith(`${origin}/search`)) return undefined;
  return referer.slice(origin.length);
}
