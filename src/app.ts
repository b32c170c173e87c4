import { fileURLToPath } from 'node:url';
import Koa from 'koa';
import serve from 'koa-static';
import type { AppDeps, RouteDeps } from './http/deps.js';
import { errorHandler } from './http/error-handler.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { noStore } from './http/no-store.js';
import { trustedProxy } from './http/trusted-proxy.js';
import { readBody } from './http/read-body.js';
import { createRenderer } from './http/render.js';
import { cookieSupport } from './session/cookie-support.js';
import { sessionMiddleware } from './session/session.js';
import { csrfToken, verifyCsrf } from './session/csrf.js';
import { takeFlash } from './session/flash.js';
import { clockTime, endedMessage, forgetEndedVisit, visitEnd, WARNING_MS } from './session/visit-end.js';
import { visitBasket } from './basket/visit-basket.js';
import { catalogueRoutes } from './catalogue/routes.js';
import type { CatalogueRecord } from './model/record.js';
import { reserveFormView, reserveOnResults } from './members/reserve-form.js';
import { createBranches } from './members/branches.js';
import { basketRoutes } from './basket/routes.js';
import { healthRoutes } from './http/health.js';
import { sessionRoutes } from './session/routes.js';
import { loadMember } from './members/current-member.js';
import { memberRoutes } from './members/routes.js';
import { librarianRoutes } from './librarian/routes.js';
import { listRoutes } from './lists/routes.js';
import { cookieGuard } from './cookies/cookie-guard.js';
import { readConsent } from './cookies/consent.js';
import { analytics } from './cookies/analytics.js';
import { cookieRoutes } from './session/cookie-routes.js';
import { scryptPins } from './members/pin-hash.js';

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/** Build the Shelfmark koa app from its dependencies. It never listens: server.ts does. */
export function createApp(appDeps: AppDeps): Koa {
  const full = { ...appDeps, clock: appDeps.clock ?? Date.now, mailer: appDeps.mailer, pins: appDeps.pins ?? scryptPins };
  const idleMs = full.config.SESSION_IDLE_MINUTES * 60_000;
  const render = createRenderer(async (ctx) => {
    const flash = takeFlash(ctx);
    const endsAt = visitEnd(ctx, idleMs, full.clock);
    return {
      basketCount: await visitBasket(ctx, full.store).count(),
      // After a visit ended on its own, the next page says so once.
      flash: flash ?? (ctx.state.visitEnded ? { kind: 'info', text: endedMessage(full.config.SESSION_IDLE_MINUTES) } : undefined),
      csrfToken: csrfToken(ctx),
      visitEndsIn: endsAt === undefined ? undefined : Math.max(0, endsAt - full.clock()),
      visitEndsLabel: endsAt === undefined ? undefined : clockTime(endsAt),
      visitWarningMs: WARNING_MS,
      mailEnabled: Boolean(full.mailer && full.config.PUBLIC_URL),
    };
  }, full.renderElsewhere);
  const deps: RouteDeps = { ...full, render };
  const { config, store, logger, clock } = deps;

  const branches = createBranches(store.records, clock);
  const catalogueVisit = {
    basketIds: (ctx: Koa.Context) => visitBasket(ctx, store).ids(),
    reserveBox: (ctx: Koa.Context, record: CatalogueRecord) => reserveFormView(ctx, store, branches, record),
    reserveOnResults: (ctx: Koa.Context, records: CatalogueRecord[]) => reserveOnResults(ctx, store, records),
  };

  const app = new Koa({ proxy: config.TRUST_PROXY.kind !== 'none' });
  app.silent = true;

  app.use(trustedProxy(config.TRUST_PROXY));

  app.use(requestLog(logger));
  app.use(errorHandler(logger, render));
  app.use(cookieGuard());
  app.use(securityHeaders);
  const assets = serve(PUBLIC_DIR, { maxage: 60 * 60 * 1000, index: false });
  // Only asset paths (/css/x.css) have an extension; skipping the disk lookup for pages saves a stat per view.
  app.use((ctx, next) => (/\.[a-z0-9]+$/i.test(ctx.path) ? assets(ctx, next) : next()));
  app.use(noStore);
  app.use(cookieSupport());
  app.use(readConsent);
  app.use(analytics(store, clock, logger));
  app.use(forgetEndedVisit);
  app.use(sessionMiddleware(app, store, config.SESSION_IDLE_MINUTES, clock));
  app.use(readBody(logger));
  app.use(verifyCsrf);
  app.use(loadMember(store));

  for (const router of [healthRoutes(deps), sessionRoutes(deps), cookieRoutes(deps), catalogueRoutes(deps, catalogueVisit), basketRoutes(deps), memberRoutes(deps, branches), listRoutes(deps), librarianRoutes(deps)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}

