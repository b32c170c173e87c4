import type Koa from 'koa';

/**
 * This site's own origin as the browser sees it ("https://catalogue.example").
 * Koa 3's `ctx.origin` is the request's Origin header instead, so it is not used.
 */
export function siteOrigin(ctx: Koa.Context): string {
  return `${ctx.protocol}://${ctx.host}`;
}
