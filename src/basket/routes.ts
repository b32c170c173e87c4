import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { safeReturnPath } from '../http/return-path.js';
import { requireCookies } from '../session/cookie-support.js';
import { setFlash, type Flash } from '../session/flash.js';
import { startVisit, visitEndsAt } from '../session/session.js';
import { csrfToken } from '../session/csrf.js';
import { recordSummary } from '../catalogue/results-view.js';
import { Basket } from './basket.js';
import { addMessage, removeMessage } from './messages.js';
import { visitBasket } from './visit-basket.js';
import { idsFrom } from './ids-from.js';
import { EXPORT_FORMATS } from './export/formats.js';
import { basketExportRoutes } from './export-routes.js';
import { basketEmailRoutes } from './email-routes.js';

const exportFormats = Object.entries(EXPORT_FORMATS).map(([name, f]) => ({ name, label: f.label }));


/** Without JavaScript: a status message and back to where the member was. With it: JSON. */
function respond(ctx: Koa.Context, flash: Flash, count: number, changed: string[]): void {
  if (ctx.accepts('html', 'json') === 'json') {
    ctx.body = { message: flash.text, kind: flash.kind, count, changed, csrfToken: csrfToken(ctx) };
    return;
  }
  setFlash(ctx, flash);
  ctx.redirect(safeReturnPath((ctx.request.body as { return?: unknown })?.return, '/basket'));
}

/** /basket: list, add (one or several), remove, empty; export, print and email (export-routes.ts, email-routes.ts). */
export function basketRoutes(deps: RouteDeps): Router {
  const { store, config, clock, render, mailer } = deps;
  const router = new Router();
  const basketOf = (ctx: Koa.Context) => new Basket(store, startVisit(ctx, clock), config.BASKET_LIMIT);

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
    respond(ctx, addMessage(outcome, basket.limit), await basket.count(), [...outcome.added, ...outcome.alreadyIn]);
  });

  router.post('/basket/remove', requireCookies, async (ctx) => {
    const ids = idsFrom(ctx.request.body);
    const basket = basketOf(ctx);
    const [record] = ids.length === 1 ? await store.records.getMany(ids) : [];
    const removed = await basket.remove(ids);
    respond(ctx, removeMessage(removed, record?.title), await basket.count(), ids);
  });

  router.post('/basket/empty', requireCookies, async (ctx) => {
    const basket = basketOf(ctx);
    await basket.clear();
    respond(ctx, { kind: 'success', text: 'Your basket is now empty.' }, 0, []);
  });

  for (const actions of [basketExportRoutes(deps), basketEmailRoutes(deps, mailer)]) router.use(actions.routes(), actions.allowedMethods());
  return router;
}
