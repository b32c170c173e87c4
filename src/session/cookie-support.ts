import type Koa from 'koa';
import { COOKIES } from '../cookies/cookie-registry.js';
import { setDeclaredCookie } from '../cookies/declared-cookie.js';
import { CookiesRequired } from '../http/errors.js';
import { siteOrigin } from '../http/site-origin.js';

/**
 * Sets COOKIE_SUPPORT on a first response and notes whether the browser sent
 * it back. Without it the basket and login cannot work, and we say so.
 */
export function cookieSupport(): Koa.Middleware {
  const cookie = COOKIES.cookieSupport;
  return async (ctx, next) => {
    const sent = ctx.cookies.get(cookie.name) !== undefined;
    ctx.state.cookiesEnabled = sent;
    // A page reached from one of ours without the cookie means the browser refuses cookies.
    ctx.state.cookiesBlocked = !sent && cameFromThisSite(ctx);
    if (!sent) setDeclaredCookie(ctx, cookie, 'true');
    await next();
  };
}

/** For actions that need a session: refuse plainly when the browser returns no cookies. */
export const requireCookies: Koa.Middleware = async (ctx, next) => {
  if (!ctx.state.cookiesEnabled) throw new CookiesRequired();
  await next();
};

function cameFromThisSite(ctx: Koa.Context): boolean {
  const referer = ctx.get('referer');
  return referer !== '' && referer.startsWith(`${siteOrigin(ctx)}/`);
}
