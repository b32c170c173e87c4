import Router from '@koa/router';
import type { RouteDeps } from './deps.js';

/**
 * GET /healthz for load balancers and people: `ok` (200) when the store
 * answers, `unavailable` (503) when it does not. The reason (which can name
 * hosts) goes to the log, never to the public.
 */
export function healthRoutes({ store, logger }: RouteDeps): Router {
  const router = new Router();
  router.get('/healthz', async (ctx) => {
    ctx.type = 'text/plain';
    try {
      await store.ping();
      ctx.body = 'ok\n';
    } catch (err) {
      logger.error({ err, store: store.kind }, 'health check: the store did not answer');
      ctx.status = 503;
      ctx.body = 'unavailable\n';
    }
  });
  return router;
}
