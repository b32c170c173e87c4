import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { safeReturnPath } from '../http/return-path.js';
import { setFlash } from './flash.js';
import { startVisit } from './session.js';
import { cookieTables } from '../cookies/cookies-view.js';
import { consentOf, rememberConsent } from '../cookies/consent.js';

/** The cookies page, the analytics choice (banner and settings page) and the privacy notice. */
export function cookieRoutes({ render, clock, config }: RouteDeps<never>): Router {
  const router = new Router();

  router.get('/cookies', async (ctx) => {
    await render(ctx, 'cookies/index', { title: 'Cookies', tables: cookieTables(), consent: consentOf(ctx) });
  });

  router.get('/cookies/settings', async (ctx) => {
    await render(ctx, 'cookies/settings', { title: 'Cookie settings', consent: consentOf(ctx), hideCookieBanner: true });
  });

  // One endpoint for the banner's buttons and the settings form; both work without JavaScript.
  router.post('/cookies/settings', async (ctx) => {
    const returnTo = safeReturnPath((ctx.request.body as { return?: unknown } | undefined)?.return, '/cookies/settings');
    // A browser that returns no cookies cannot keep an answer: back to its page, which then says why, never an error page.
    if (!ctx.state.cookiesEnabled) return ctx.redirect(returnTo);
    const answer = (ctx.request.body as { analytics?: unknown } | undefined)?.analytics;
    if (answer !== 'yes' && answer !== 'no') {
      await render(ctx, 'cookies/settings', {
        title: 'Cookie settings',
        consent: consentOf(ctx),
        hideCookieBanner: true,
        error: 'Choose whether to accept analytics cookies.',
      });
      ctx.status = 400;
      return;
    }
    rememberConsent(ctx, answer === 'yes' ? 'accepted' : 'rejected');
    startVisit(ctx, clock);
    setFlash(ctx, {
      kind: 'success',
      text: `You’ve ${answer === 'yes' ? 'accepted' : 'rejected'} analytics cookies. You can change your choice at any time from “Cookie settings” at the bottom of every page.`,
    });
    ctx.redirect(returnTo);
  });

  router.get('/privacy', async (ctx) => {
    await render(ctx, 'cookies/privacy', { title: 'Privacy', auditRetentionDays: config.AUDIT_RETENTION_DAYS, searchRetentionDays: config.SEARCH_LOG_RETENTION_DAYS });
  });

  return router;
}
