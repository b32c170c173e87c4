import Router from '@koa/router';
import type { RouteDeps } from './deps.js';

/** GET /healthz: 200 when the store answers, 503 otherwise, for load balancers. */
export function healthRoutes({ store }: RouteDeps): Router {
  const router = new Router();
  router.get('/healthz', async (ctx) => {
    try {
      await store.ping();
      ctx.body = { status: 'ok', store: { kind: store.kind, state: 'ready' } };
    } catch (err) {
      ctx.status = 503;
      ctx.body = { status: 'unavailable', store: { kind: store.kind, state: 'unreachable', error: (err as Error).message } };
    }
  });
  return router;
}
