import type Koa from 'koa';
import { cookieOptions, type CookieDeclaration } from './cookie-registry.js';

/**
 * Set a cookie by its registry entry, with the registry's flags and
 * lifetime: the only way code in Shelfmark sets a cookie (koa-session sets
 * JSESSIONID itself, with the same entry's options).
 */
export function setDeclaredCookie(ctx: Koa.Context, cookie: CookieDeclaration, value: string): void {
  ctx.cookies.set(cookie.name, value, cookieOptions(cookie, ctx.secure));
}

/** Ask the browser to delete a declared cookie (an empty value that expired in 1970). */
export function clearDeclaredCookie(ctx: Koa.Context, cookie: CookieDeclaration): void {
  // `cookies` drops maxAge for a null value, so the same options serve to delete.
  ctx.cookies.set(cookie.name, null, cookieOptions(cookie, ctx.secure));
}
