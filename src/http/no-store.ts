import type Koa from 'koa';

/**
 * Every page shows visit state (the basket count, who is logged in), and
 * /account, lists and the console show personal data: none may be kept by
 * the browser or a proxy, so Back and Forward load the truth instead of a
 * stale copy. Installed after the static assets, which keep their max-age.
 */
export const noStore: Koa.Middleware = async (ctx, next) => {
  ctx.set('Cache-Control', 'no-store');
  await next();
};
