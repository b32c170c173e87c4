import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { safeReturnPath } from '../http/return-path.js';
import { requireCookies } from '../session/cookie-support.js';
import { setFlash } from '../session/flash.js';
import { csrfToken } from '../session/csrf.js';
import { visitBasket } from '../basket/visit-basket.js';
import { recordSummary } from '../catalogue/results-view.js';
import { fullTitle, recordPath } from '../model/record.js';
import { audit } from '../audit/audit.js';
import { auditOffer } from '../holds/hold-audit.js';
import { choosePickup, type Branches } from './branches.js';
import { currentMember, requireLogin } from './current-member.js';
import { reservability, NOT_RESERVABLE_REASON } from './reservability.js';
import { reserveRecords, type ReserveOutcome } from './reserve.js';
import { outcomeText, reserveFlash } from './reserve-messages.js';

type Body = Record<string, unknown>;

/** POST /reservations (one record), /basket/reserve (the whole basket) and /reservations/:id/cancel. */
export function reservationRoutes(deps: RouteDeps<'audit' | 'baskets' | 'members' | 'records' | 'reservations'>, pickupPlaces: Branches): Router {
  const { store, clock, config, render } = deps;
  const router = new Router();

  async function reserve(ctx: Koa.Context, recordIds: string[]): Promise<ReserveOutcome[]> {
    const member = currentMember(ctx)!;
    const branch = choosePickup(await pickupPlaces.pickupBranches(), (ctx.request.body as Body).branch, member.homeBranch);
    const outcomes = await reserveRecords(store, member, recordIds, branch, clock(), config.RESERVATION_LIMIT);
    for (const o of outcomes) {
      if (o.outcome === 'reserved') await audit(deps, { member }, 'reserve', `${o.recordId} (${o.reservation.itemId})`);
      if (o.outcome === 'queued') await audit(deps, { member }, 'queue', `${o.recordId} (number ${o.reservation.position})`);
    }
    return outcomes;
  }

  /** JSON for scripts; otherwise a status message (and, for several records, the list) and a redirect. */
  function respond(ctx: Koa.Context, outcomes: ReserveOutcome[], back: string): void {
    const flash = reserveFlash(outcomes, config.RESERVATION_LIMIT);
    const items = outcomes.map((o) => ({ recordId: o.recordId, title: o.title, outcome: o.outcome, message: outcomeText(o, config.RESERVATION_LIMIT) }));
    if (ctx.accepts('html', 'json') === 'json') {
      ctx.body = { message: flash.text, kind: flash.kind, items, csrfToken: csrfToken(ctx) };
      return;
    }
    // From a results line: the message is shown beside that result, and the page comes back to it.
    const place = (ctx.request.body as Body).place === 'result' && outcomes.length === 1 ? `result-${outcomes[0]!.recordId}` : undefined;
    setFlash(ctx, { ...flash, ...(place ? { place } : {}) });
    if (outcomes.length > 1) ctx.session!.reserveReport = items;
    ctx.redirect(place ? `${back.replace(/#.*$/, '')}#${encodeURIComponent(place)}` : back);
  }

  router.post('/reservations', requireCookies, requireLogin, async (ctx) => {
    const body = ctx.request.body as Body;
    const id = typeof body.id === 'string' ? body.id.slice(0, 200) : '';
    respond(ctx, await reserve(ctx, id ? [id] : []), safeReturnPath(body.return, id ? recordPath(id) : '/account'));
  });

  router.get('/basket/reserve', requireLogin, async (ctx) => {
    const member = currentMember(ctx)!;
    const [records, branches] = await Promise.all([
      visitBasket(ctx, store).ids().then((ids) => store.records.getMany(ids)),
      pickupPlaces.pickupBranches(),
    ]);
    const inBasket = new Set(records.map((r) => r.id));
    const items = records.map((r) => {
      const check = reservability(r);
      return { ...recordSummary(r, inBasket), reservable: check.reservable, why: check.reservable ? '' : NOT_RESERVABLE_REASON[check.reason] };
    });
    await render(ctx, 'members/reserve-basket', {
      title: 'Reserve the items in your basket', items, branches, pickup: choosePickup(branches, undefined, member.homeBranch),
    });
  });

  router.post('/basket/reserve', requireCookies, requireLogin, async (ctx) => {
    const ids = await visitBasket(ctx, store).ids();
    respond(ctx, await reserve(ctx, ids), ids.length === 0 ? '/basket' : '/account');
  });

  router.post('/reservations/:id/cancel', requireCookies, requireLogin, async (ctx) => {
    const member = currentMember(ctx)!;
    const freed = await store.reservations.cancel(member.id, ctx.params.id ?? '', clock());
    if (freed) {
      const cancelled = freed.ended;
      await audit(deps, { member }, 'cancel', `${cancelled.recordId} (${cancelled.id})`);
      await auditOffer(deps, freed);
      const [record] = await store.records.getMany([cancelled.recordId]);
      setFlash(ctx, { kind: 'success', text: `Cancelled your reservation of ‘${record ? fullTitle(record) : cancelled.recordId}’.` });
    } else {
      setFlash(ctx, { kind: 'info', text: 'That reservation was not found: it may have been cancelled already.' });
    }
    ctx.redirect('/account');
  });

  return router;
}
