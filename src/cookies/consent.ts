import type Koa from 'koa';
import { COOKIES } from './cookie-registry.js';
import { setDeclaredCookie } from './declared-cookie.js';

/** The visitor's answer about analytics cookies; undefined until they choose. */
export type Consent = 'accepted' | 'rejected';

function asConsent(value: unknown): Consent | undefined {
  return value === 'accepted' || value === 'rejected' ? value : undefined;
}

/** The choice this request carries (or the one just made while handling it). */
export function consentOf(ctx: Koa.Context): Consent | undefined {
  return ctx.state.cookieConsent;
}

/** Reads COOKIE_CONSENT into `ctx.state.cookieConsent`, so pages know whether to show the banner. */
export const readConsent: Koa.Middleware = async (ctx, next) => {
  ctx.state.cookieConsent = asConsent(ctx.cookies.get(COOKIES.consent.name));
  await next();
};

/** Remember a choice for a year; analytics.ts sets or removes the visitor cookie to match. */
export function rememberConsent(ctx: Koa.Context, consent: Consent): void {
  ctx.state.cookieConsent = consent;
  setDeclaredCookie(ctx, COOKIES.consent, consent);
}
