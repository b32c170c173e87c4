import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { audit } from '../audit/audit.js';
import { setFlash } from '../session/flash.js';
import { authenticate } from './authenticate.js';
import { isPin } from './card.js';
import { currentMember, requireLogin } from './current-member.js';
import { hashPin } from './pin-hash.js';

/** What was wrong with the form; the PINs themselves are never echoed back. */
function newPinProblem(body: Record<string, unknown>): string | null {
  if (!isPin(body.newPin)) return 'The new PIN must be 4 to 8 digits.';
  if (body.newPin !== body.confirmPin) return 'The new PIN and its confirmation are not the same.';
  if (body.newPin === body.currentPin) return 'The new PIN is the same as the current one.';
  return null;
}

const CURRENT_REFUSED = {
  invalid: 'Your current PIN is not correct.',
  disabled: 'This card has been disabled. Please ask at any branch.',
  'card-locked': 'Your card is locked for 15 minutes after too many wrong PINs. Please try again later, or ask at any branch.',
  'address-locked': 'Too many wrong PINs have come from your connection. Please wait 15 minutes and try again.',
} as const;

/**
 * GET/POST /account/pin: a member changes their own PIN after entering the
 * current one. The current PIN is checked exactly as a login is, throttle
 * included, so the form is no way round the limit on guesses.
 */
export function pinRoutes(deps: RouteDeps<'members' | 'loginAttempts' | 'audit'>): Router {
  const { store, render, clock } = deps;
  const router = new Router();
  const show = (ctx: Koa.Context, error?: string) => render(ctx, 'members/pin', { title: 'Change your PIN', error });

  router.get('/account/pin', requireLogin, async (ctx) => show(ctx));

  router.post('/account/pin', requireLogin, async (ctx) => {
    const member = currentMember(ctx)!;
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const problem = newPinProblem(body);
    if (problem) {
      ctx.status = 400;
      return show(ctx, problem);
    }
    const check = await authenticate(store, deps.pins, member.card, body.currentPin, ctx.ip, clock());
    if (!check.ok) {
      if (check.audit) await audit(deps, { member }, 'pin-change', `refused: ${check.reason}`);
      ctx.status = check.reason === 'invalid' ? 401 : check.reason === 'disabled' ? 403 : 429;
      return show(ctx, CURRENT_REFUSED[check.reason]);
    }
    await store.members.setPinHash(member.card, await hashPin(body.newPin as string));
    await audit(deps, { member }, 'pin-change', 'changed');
    setFlash(ctx, { kind: 'success', text: 'Your PIN has been changed. Use the new one next time you log in.' });
    ctx.redirect('/account');
  });

  return router;
}
