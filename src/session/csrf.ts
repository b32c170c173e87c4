import { timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';
import { FormTokenInvalid } from '../http/errors.js';
import { siteOrigin } from '../http/site-origin.js';
import { MULTIPART_HANDLERS } from '../http/read-body.js';
import { randomToken } from './random-token.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A fresh per-visit token, kept in the server-side session. */
export function newCsrfToken(): string {
  return randomToken(24);
}

/** The token forms on this page must send back: empty until the visit has a stored session. */
export function csrfToken(ctx: Koa.Context): string {
  const token = ctx.session?.csrf;
  return typeof token === 'string' ? token : '';
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What the browser itself says about where an unsafe request came from. */
export type RequestOrigin = 'same-origin' | 'cross-origin' | 'unknown';

/**
 * Reads the browser's own word, as Go's net/http CrossOriginProtection does:
 * `Sec-Fetch-Site` first (same-origin, or none for something the member did
 * in the browser itself, is ours; same-site and cross-site are not), then an
 * `Origin` header compared with this site's host. Neither header: unknown,
 * as from an old browser or a script, and the visit's token decides.
 */
export function requestOrigin(ctx: Koa.Context): RequestOrigin {
  const fetchSite = ctx.get('sec-fetch-site');
  if (fetchSite !== '') return fetchSite === 'same-origin' || fetchSite === 'none' ? 'same-origin' : 'cross-origin';
  const origin = ctx.get('origin');
  if (origin === '') return 'unknown';
  return origin === siteOrigin(ctx) || hostOf(origin) === ctx.host ? 'same-origin' : 'cross-origin';
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (a sandboxed or privacy-sensitive context) is never ours
  }
}

/** Check a token taken from somewhere the middleware cannot read (a multipart upload). */
export function checkCsrf(ctx: Koa.Context, sent: unknown): void {
  const origin = requestOrigin(ctx);
  if (origin === 'cross-origin') throw new FormTokenInvalid();
  // The browser vouches for a same-origin form, so a form loaded in another tab, or before the visit had a session, works.
  if (origin === 'same-origin') return;
  const expected = csrfToken(ctx);
  // Without the browser's word, a visit with a stored session must prove the form came from one of our pages.
  if (expected && !(typeof sent === 'string' && sameToken(sent, expected))) throw new FormTokenInvalid();
}

/**
 * Cross-site request forgery protection for every state-changing request:
 * refused when the browser says another site (or another origin of this
 * site) sent it; accepted when the browser says it came from this origin;
 * otherwise, once the visit has a session, only with the session's token
 * (form field `_csrf` or header `X-CSRF-Token`).
 */
export const verifyCsrf: Koa.Middleware = async (ctx, next) => {
  if (UNSAFE.has(ctx.method) && !(ctx.is('multipart') && MULTIPART_HANDLERS.has(ctx.path))) {
    const body = ctx.request.body as Record<string, unknown> | undefined;
    checkCsrf(ctx, body?.[CSRF_FIELD] ?? ctx.get(CSRF_HEADER));
  }
  await next();
};
