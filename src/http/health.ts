import Router from '@koa/router';
import type { RouteDeps } from './deps.js';

/**
 * GET /healthz for load balancers and people: `ok` (200) when the store
 * answers, `unavailable` (503) when it does not. The reason (which can name
 * hosts) goes to the log, never to the public.
 * GET /status: the same public answer as a page a member can read, linked from every footer.
 */
export function healthRoutes({ store, logger, render }: RouteDeps<'kind' | 'ping'>): Router {
  const router = new Router();
  const storeAnswers = () => store.ping().then(() => true, () => false);

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

  router.get('/status', async (ctx) => {
    const working = await storeAnswers();
    ctx.set('Cache-Control', 'no-store');
    await render(ctx, 'status/index', { title: 'Service status', working });
    if (!working) ctx.status = 503;
  });
  return router;
}
