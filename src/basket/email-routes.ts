import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import { siteOrigin } from '../http/site-origin.js';
import { requireCookies } from '../session/cookie-support.js';
import { setFlash, type Flash } from '../session/flash.js';
import { startVisit } from '../session/session.js';
import { emailAddress } from './email/address.js';
import type { Mailer } from '../mail/mailer.js';
import { basketMail } from './email/message.js';
import { EMAIL_LIMIT, takeEmailAllowance } from './email/send-allowance.js';
import { basketSelection } from './selection.js';
import { shelfItem } from './shelf-list.js';

function back(ctx: Koa.Context, flash: Flash): void {
  setFlash(ctx, flash);
  ctx.redirect('/basket#basket-actions-heading');
}

/** The fields of a failed send that say what went wrong without naming the recipient (nodemailer's message may quote it). */
function sendFailure(error: unknown): Record<string, unknown> {
  const e = error as { code?: unknown; responseCode?: unknown; command?: unknown };
  return { code: e.code, responseCode: e.responseCode, command: e.command };
}

/**
 * POST /basket/email: the whole basket to the address typed in. The address
 * is validated, used for this one send, and never logged, stored or shown
 * back in a status message (status messages live in the session).
 */
export function basketEmailRoutes(deps: RouteDeps, mailer: Mailer | undefined): Router {
  const { store, clock, logger } = deps;
  const router = new Router();

  router.post('/basket/email', requireCookies, async (ctx) => {
    if (!mailer) throw new NotFound();
    const to = emailAddress((ctx.request.body as { to?: unknown } | undefined)?.to);
    if (!to) return back(ctx, { kind: 'error', text: 'Enter an email address like name@example.org to email your basket.' });
    const { records } = await basketSelection(ctx, store, {});
    if (records.length === 0) return back(ctx, { kind: 'info', text: 'Your basket is empty, so there is nothing to email.' });
    startVisit(ctx, clock);
    if (!takeEmailAllowance(ctx.session, clock())) {
      const minutes = EMAIL_LIMIT.windowMs / 60_000;
      return back(ctx, { kind: 'error', text: `You can email your basket ${EMAIL_LIMIT.count} times in ${minutes} minutes. Please try again later, or download it instead.` });
    }
    try {
      await mailer.send(to, basketMail(records.map(shelfItem), siteOrigin(ctx), new Date(clock()).toISOString().slice(0, 10)));
    } catch (error) {
      logger.warn(sendFailure(error), 'basket email could not be sent');
      return back(ctx, { kind: 'error', text: 'Your basket could not be emailed just now. Please try again later, or download it instead.' });
    }
    const items = records.length === 1 ? '1 item' : `${records.length} items`;
    back(ctx, { kind: 'success', text: `Your basket (${items}) has been emailed to the address you gave. It may take a few minutes to arrive.` });
  });

  return router;
}
