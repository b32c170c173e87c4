import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';

/** Pages about the visit itself. */
export function sessionRoutes({ render }: RouteDeps): Router {
  const router = new Router();
  router.get('/cookies-required', async (ctx) => {
    await render(ctx, 'errors/cookies-required', { title: 'Cookies are needed for the basket and logging in' });
  });
  return router;
}
