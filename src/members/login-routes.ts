import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { safeReturnPath } from '../http/return-path.js';
import { requireCookies } from '../session/cookie-support.js';
import { startVisit } from '../session/session.js';
import { setFlash } from '../session/flash.js';
import { visitBasket } from '../basket/visit-basket.js';
import { authenticate } from './authenticate.js';
import { normaliseCard } from '../text/card-number.js';
import { audit } from '../audit/audit.js';
import { currentMember } from './current-member.js';
import { startMemberVisit } from './member-visit.js';

/** One message for a wrong card and a wrong PIN alike; a lock says so, whether or not the card exists. */
const FAILURE = {
  invalid: 'The card number or PIN is not correct. Please check both and try again.',
  'card-locked': 'This card is locked for 15 minutes after too many failed attempts. Please try again later, or ask at any branch.',
  'address-locked': 'Too many failed login attempts have come from your connection. Please wait 15 minutes and try again.',
  disabled: 'This card has been disabled. Please ask at any branch.',
} as const;

const FAILURE_STATUS = { invalid: 401, disabled: 403, 'card-locked': 429, 'address-locked': 429 } as const;

/** GET/POST /login, POST /logout and the page a member sees after logging out. */
export function loginRoutes(deps: RouteDeps<'audit' | 'baskets' | 'loginAttempts' | 'members'>): Router {
  const { store, clock, render } = deps;
  const router = new Router();

  const showForm = (ctx: Koa.Context, returnTo: string, extra: Record<string, unknown> = {}) =>
    render(ctx, 'members/login', { title: 'Log in', returnTo, ...extra });

  router.get('/login', async (ctx) => {
    // No session is started here: a page anyone can ask for must not store anything. The form
    // carries the token of a visit that already has one; without one, the Origin/Sec-Fetch-Site
    // check (session/csrf.ts) is what keeps other sites from posting it.
    await showForm(ctx, safeReturnPath(ctx.query.return, '/account'));
  });

  router.post('/login', requireCookies, async (ctx) => {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const card = normaliseCard(body.card);
    const returnTo = safeReturnPath(body.return, '/account');
    const result = await authenticate(store, deps.pins, card, body.pin, ctx.ip, clock());
    if (!result.ok) {
      if (result.audit) await audit(deps, { member: result.member, card }, 'login-failed', result.reason);
      // Only a checked attempt (at most 20 per address in 15 minutes) may start a visit; a refused one stores nothing.
      if (ctx.state.cookiesEnabled && result.reason === 'invalid') startVisit(ctx, clock);
      ctx.status = FAILURE_STATUS[result.reason];
      await showForm(ctx, returnTo, { card, error: FAILURE[result.reason] });
      return;
    }
    const basketIds = await visitBasket(ctx, store).ids();
    await startMemberVisit(ctx, deps, result.member, basketIds);
    await audit(deps, { member: result.member }, 'login');
    setFlash(ctx, { kind: 'success', text: 'You are now logged in.' });
    ctx.redirect(returnTo);
  });

  router.post('/logout', async (ctx) => {
    const member = currentMember(ctx);
    if (member) await audit(deps, { member }, 'logout');
    // koa-session deletes the session (and with it the basket) from the store and clears the cookie.
    ctx.session = null;
    ctx.redirect('/logged-out');
  });

  router.get('/logged-out', async (ctx) => {
    await render(ctx, 'members/logged-out', { title: 'You have logged out' });
  });

  return router;
}
