import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { accountRoutes } from './account-routes.js';
import { loginRoutes } from './login-routes.js';
import { reservationRoutes } from './reservation-routes.js';
import { pinRoutes } from './pin-routes.js';
import type { Branches } from './branches.js';

/** Everything a member does once they have a card: log in and out, reserve, see their account. */
export function memberRoutes(deps: RouteDeps<'audit' | 'baskets' | 'loans' | 'loginAttempts' | 'members' | 'records' | 'reservations'>, branches: Branches): Router {
  const router = new Router();
  for (const sub of [loginRoutes(deps), accountRoutes(deps), pinRoutes(deps), reservationRoutes(deps, branches)]) {
    router.use(sub.routes(), sub.allowedMethods());
  }
  return router;
}
