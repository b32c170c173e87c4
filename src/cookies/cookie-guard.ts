import type Koa from 'koa';
import { declaredCookie } from './cookie-registry.js';
import { isDeletion, parseSetCookie, setCookieHeaders } from './set-cookie-header.js';

/** How far a cookie's expiry may drift from the registry's lifetime (the time to build a response). */
const EXPIRY_SLACK_MS = 60_000;

/** A Set-Cookie that breaks the registry's promise: a programming error, caught by every test that loads the page. */
export class UndeclaredCookie extends Error {
  override name = 'UndeclaredCookie';
}

/**
 * What is wrong with one Set-Cookie header, measured against the registry:
 * an unknown name, or flags or lifetime other than those declared.
 * Undefined when the header keeps the promise.
 */
export function cookieProblem(header: string, secure: boolean, now = Date.now()): string | undefined {
  const cookie = parseSetCookie(header);
  const declared = declaredCookie(cookie.name);
  if (!declared) return `${cookie.name} is not in the cookie registry`;
  const attrs = cookie.attributes;
  if (attrs.has('httponly') !== declared.httpOnly) return `${cookie.name} must ${declared.httpOnly ? '' : 'not '}be HttpOnly`;
  if (attrs.get('samesite')?.toLowerCase() !== declared.sameSite) return `${cookie.name} must be SameSite=${declared.sameSite}`;
  if (attrs.has('secure') !== secure) return `${cookie.name} must ${secure ? '' : 'not '}be Secure on this request`;
  if (isDeletion(cookie, now)) return undefined;
  const expires = attrs.get('expires');
  if (declared.lifetime === 'session') {
    return expires === undefined && !attrs.has('max-age') ? undefined : `${cookie.name} must end with the browser session`;
  }
  const lasts = expires === undefined ? NaN : Date.parse(expires) - now;
  if (!(Math.abs(lasts - declared.lifetime * 1000) <= EXPIRY_SLACK_MS)) {
    return `${cookie.name} must last ${declared.lifetime} s, not ${expires ?? 'for the session'}`;
  }
  return undefined;
}

/**
 * Checks every Set-Cookie header of every response against the registry.
 * An offending header is removed before it reaches the browser, and the
 * request fails loudly, so a test (or the first request in development)
 * catches the mistake instead of a member's browser.
 */
export function cookieGuard(): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } finally {
      const headers = setCookieHeaders(ctx.response.get('set-cookie'));
      const problems = headers.map((h) => cookieProblem(h, ctx.secure));
      if (problems.some(Boolean)) {
        ctx.response.set('set-cookie', headers.filter((_, i) => !problems[i]));
        // eslint-disable-next-line no-unsafe-finally -- a broken cookie fails the request even when next() threw
        throw new UndeclaredCookie(problems.filter(Boolean).join('; '));
      }
    }
  };
}
