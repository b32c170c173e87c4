import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import { requireCookies } from '../session/cookie-support.js';
import { setFlash, type Flash } from '../session/flash.js';
import { startVisit } from '../session/session.js';
import { emailAddress } from './email/address.js';
import type { Mailer } from '../mail/mailer.js';
import { basketMail } from './email/message.js';
import { limitMessage, mailLimits } from './email/send-limits.js';
import { basketSelection } from './selection.js';
import { dueForMembers, shelfItem } from './shelf-list.js';

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
 * back in a status message (status messages live in the session). Sends are
 * limited in the store per recipient, per client address and overall, and
 * links point at PUBLIC_URL, never at whatever Host the request named.
 */
export function basketEmailRoutes(deps: RouteDeps<'baskets' | 'records' | 'sendLimits'>, mailer: Mailer | undefined): Router {
  const { store, clock, logger, config } = deps;
  const router = new Router();

  router.post('/basket/email', requireCookies, async (ctx) => {
    const publicUrl = config.PUBLIC_URL;
    if (!mailer || !publicUrl) throw new NotFound();
    const to = emailAddress((ctx.request.body as { to?: unknown } | undefined)?.to);
    if (!to) return back(ctx, { kind: 'error', text: 'Enter an email address like name@example.org to email your basket.' });
    const { records } = await basketSelection(ctx, store, {});
    if (records.length === 0) return back(ctx, { kind: 'info', text: 'Your basket is empty, so there is nothing to email.' });
    startVisit(ctx, clock);
    const spent = await store.sendLimits.take(mailLimits(to, ctx.ip, config.EMAIL_HOURLY_LIMIT), clock());
    if (spent) return back(ctx, { kind: 'error', text: limitMessage(spent) });
    try {
      await mailer.send(to, basketMail(records.map((r) => shelfItem(r, dueForMembers(clock()))), publicUrl, new Date(clock()).toISOString().slice(0, 10)));
    } catch (error) {
      logger.warn(sendFailure(error), 'basket email could not be sent');
      return back(ctx, { kind: 'error', text: 'Your basket could not be emailed just now. Please try again later, or download it instead.' });
    }
    const items = records.length === 1 ? '1 item' : `${records.length} items`;
    back(ctx, { kind: 'success', text: `Your basket (${items}) has been emailed to the address you gave. It may take a few minutes to arrive.` });
  });

  return router;
}
