import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { safeReturnPath } from '../http/return-path.js';
import { setFlash } from './flash.js';
import { existingSession, sessionLiveAt } from './session.js';
import { endedMessage } from './visit-end.js';

/** Pages about the visit itself, and "Keep my visit going". */
export function sessionRoutes({ render, clock, config }: RouteDeps<never>): Router {
  const router = new Router();
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;

  router.get('/cookies-required', async (ctx) => {
    await render(ctx, 'errors/cookies-required', { title: 'Cookies are needed for the basket and logging in' });
  });

  // Whether this browser returned the cookie the previous page set: what a first page cannot know about itself.
  router.get('/visit/cookies', (ctx) => {
    ctx.body = { returned: ctx.state.cookiesEnabled === true };
  });

  // One action that renews an idle visit (WCAG 2.2.1): a change to the session, so it is saved with a new expiry at once.
  router.post('/visit/keep', (ctx) => {
    const session = existingSession(ctx);
    const live = session !== undefined && sessionLiveAt(ctx, clock) !== undefined;
    if (live) session.keptAt = clock();
    const endsAt = clock() + idleMs;
    const time = new Date(endsAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    const message = live ? `Your visit will now last until ${time} if you do nothing more.` : endedMessage(config.SESSION_IDLE_MINUTES);
    if (ctx.accepts('html', 'json') === 'json') {
      ctx.body = live ? { kept: true, message, endsIn: idleMs } : { kept: false, message };
      return;
    }
    if (live) setFlash(ctx, { kind: 'success', text: message });
    ctx.redirect(safeReturnPath((ctx.request.body as { return?: unknown } | undefined)?.return, '/'));
  });
  return router;
}
