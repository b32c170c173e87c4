import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { requireLibrarian } from './require-librarian.js';
import { overviewRoutes } from './overview-routes.js';
import { importRoutes } from './import-routes.js';
import { demandRoutes } from './demand-routes.js';
import { auditRoutes } from './audit-routes.js';
import { holdsRoutes } from './holds-routes.js';
import { memberRoutes } from './member-routes.js';
import { branchRoutes } from './branch-routes.js';

/**
 * The librarian console under /librarian. The role check is registered for
 * every method on every path below it, so a member gets the 403 page even for
 * a URL or method the console does not have, and learns nothing about which exist.
 */
export function librarianRoutes(deps: RouteDeps<'audit' | 'imports' | 'members' | 'records' | 'reservations' | 'searchLog' | 'visits'>): Router {
  const router = new Router();
  router.all(['/librarian', '/librarian/{*rest}'], requireLibrarian);
  for (const sub of [overviewRoutes(deps), importRoutes(deps), demandRoutes(deps), auditRoutes(deps), holdsRoutes(deps), memberRoutes(deps), branchRoutes(deps)]) {
    router.use(sub.routes(), sub.allowedMethods());
  }
  return router;
}
