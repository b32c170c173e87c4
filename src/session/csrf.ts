import { randomBytes, timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';
import { FormTokenInvalid } from '../http/errors.js';
import { siteOrigin } from '../http/site-origin.js';
import { MULTIPART_HANDLERS } from '../http/read-body.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A fresh per-visit token, kept in the server-side session. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
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

/** True when the browser tells us the request was started by another site. */
function crossSite(ctx: Koa.Context): boolean {
  const fetchSite = ctx.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  const origin = ctx.get('origin');
  return origin !== '' && origin !== siteOrigin(ctx);
}

/** Check a token taken from somewhere the middleware cannot read (a multipart upload). */
export function checkCsrf(ctx: Koa.Context, sent: unknown): void {
  if (crossSite(ctx)) throw new FormTokenInvalid();
  const expected = csrfToken(ctx);
  // A visit with a stored session must prove the form came from one of our pages.
  if (expected && !(typeof sent === 'string' && sameToken(sent, expected))) throw new FormTokenInvalid();
}

/**
 * Cross-site request forgery protection for every state-changing request:
 * refused when the browser says another site sent it (Origin, Sec-Fetch-Site),
 * and, once the visit has a session, unless it carries the session's token
 * (form field `_csrf` or header `X-CSRF-Token`). A visitor without a session
 * has nothing yet to forge against but the header check still applies.
 */
export const verifyCsrf: Koa.Middleware = async (ctx, next) => {
  if (UNSAFE.has(ctx.method) && !(ctx.is('multipart') && MULTIPART_HANDLERS.has(ctx.path))) {
    const body = ctx.request.body as Record<string, unknown> | undefined;
    checkCsrf(ctx, body?.[CSRF_FIELD] ?? ctx.get(CSRF_HEADER));
  }
  await next();
};
