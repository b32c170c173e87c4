import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { catalogueCounts } from './catalogue-counts.js';
import { importRunView } from './import-view.js';

/** The console's front page: what the catalogue holds, and the latest imports. */
export function overviewRoutes(deps: RouteDeps<'audit' | 'imports' | 'records'>): Router {
  const { store, render } = deps;
  const router = new Router();
  router.get('/librarian', async (ctx) => {
    const [counts, recent] = await Promise.all([catalogueCounts(store), store.imports.recent(5)]);
    await render(ctx, 'librarian/overview', { title: 'Librarian console', section: 'overview', counts, imports: recent.map(importRunView) });
  });
  return router;
}
