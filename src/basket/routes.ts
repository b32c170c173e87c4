import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { safeReturnPath } from '../http/return-path.js';
import { requireCookies } from '../session/cookie-support.js';
import { setFlash, type Flash } from '../session/flash.js';
import { sessionLiveAt, startVisit, visitEndsAt } from '../session/session.js';
import { csrfToken } from '../session/csrf.js';
import { endedMessage, visitEnd } from '../session/visit-end.js';
import { recordSummary } from '../catalogue/results-view.js';
import { Basket } from './basket.js';
import { addMessage, removeMessage } from './messages.js';
import { visitBasket } from './visit-basket.js';
import { idsFrom } from './ids-from.js';
import { EXPORT_FORMATS } from './export/formats.js';
import { basketExportRoutes } from './export-routes.js';
import { basketEmailRoutes } from './email-routes.js';

const exportFormats = Object.entries(EXPORT_FORMATS).map(([name, f]) => ({ name, label: f.label }));


/**
 * Where on the page the member acted, so a no-JS reply can take them back
 * there: the result of a single add or remove from a results page
 * (`#result-ID`), or the "Add selected" button.
 */
function placeOf(ctx: Koa.Context, ids: string[]): string | undefined {
  const place = (ctx.request.body as { place?: unknown } | undefined)?.place;
  if (place === 'selected') return 'add-selected-status';
  if (place === 'result' && ids.length === 1) return `result-${ids[0]}`;
  return undefined;
}

/** /basket: list, add (one or several), remove, empty; export, print and email (export-routes.ts, email-routes.ts). */
export function basketRoutes(deps: RouteDeps<'baskets' | 'records' | 'reservations' | 'sendLimits'>): Router {
  const { store, config, clock, render, mailer } = deps;
  const router = new Router();
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;

  /** Without JavaScript: a status message and back to where the member was, at the place they acted. With it: JSON. */
  const respond = (ctx: Koa.Context, reply: Flash, count: number, changed: string[], place?: string): void => {
    // A new basket never silently replaces one lost when an earlier visit ended on its own.
    const ended = ctx.state.visitEnded === true;
    const flash: Flash = ended ? { kind: 'info', text: `${endedMessage(config.SESSION_IDLE_MINUTES)} ${reply.text.replace(/your basket/g, 'a new basket')}` } : reply;
    if (ctx.accepts('html', 'json') === 'json') {
      const endsAt = visitEnd(ctx, idleMs, clock);
      ctx.body = { message: flash.text, kind: flash.kind, count, changed, csrfToken: csrfToken(ctx), visitEnded: ended || undefined, visitEndsIn: endsAt === undefined ? undefined : endsAt - clock() };
      return;
    }
    setFlash(ctx, { ...flash, place });
    const back = safeReturnPath((ctx.request.body as { return?: unknown })?.return, '/basket').replace(/#.*$/, '');
    ctx.redirect(place ? `${back}#${encodeURIComponent(place)}` : back);
  };
  const basketOf = (ctx: Koa.Context) => new Basket(store, startVisit(ctx, clock), config.BASKET_LIMIT, sessionLiveAt(ctx, clock));

  router.get('/basket', async (ctx) => {
    const ids = await visitBasket(ctx, store).ids();
    const records = await store.records.getMany(ids);
    const inBasket = new Set(ids);
    await render(ctx, 'basket/index', {
      title: 'Your media basket',
      items: records.map((r) => recordSummary(r, inBasket)),
      limit: config.BASKET_LIMIT,
      exportFormats,
      emailEnabled: mailer !== undefined,
      // Issue 5's login puts the member on ctx.state; their own address fills the email form.
      memberEmail: ctx.state.member?.email ?? '',
    });
  });

  router.post('/basket/add', requireCookies, async (ctx) => {
    const ids = idsFrom(ctx.request.body);
    const basket = basketOf(ctx);
    const outcome = await basket.add(ids, visitEndsAt(config, clock));
    respond(ctx, addMessage(outcome, basket.limit), await basket.count(), [...outcome.added, ...outcome.alreadyIn], placeOf(ctx, ids));
  });

  router.post('/basket/remove', requireCookies, async (ctx) => {
    const ids = idsFrom(ctx.request.body);
    const basket = basketOf(ctx);
    const [record] = ids.length === 1 ? await store.records.getMany(ids) : [];
    const removed = await basket.remove(ids);
    respond(ctx, removeMessage(removed, record?.title), await basket.count(), ids, placeOf(ctx, ids));
  });

  router.post('/basket/empty', requireCookies, async (ctx) => {
    // Emptying cannot be undone, so the basket page's button first asks.
    if ((ctx.request.body as { confirm?: unknown } | undefined)?.confirm !== 'yes') {
      const count = await visitBasket(ctx, store).count();
      await render(ctx, 'basket/empty', { title: 'Empty your basket?', count });
      return;
    }
    const basket = basketOf(ctx);
    await basket.clear();
    respond(ctx, { kind: 'success', text: 'Your basket is now empty.' }, 0, []);
  });

  for (const actions of [basketExportRoutes(deps), basketEmailRoutes(deps, mailer)]) router.use(actions.routes(), actions.allowedMethods());
  return router;
}
