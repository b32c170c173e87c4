import type Koa from 'koa';
import type { RouteDeps } from '../http/deps.js';
import type { Member } from '../storage/store.js';
import { newCsrfToken } from '../session/csrf.js';
import { visitEndsAt } from '../session/session.js';

/**
 * Turns the visit into a logged-in one under a new session id, against
 * session fixation: koa-session's regenerate() destroys the old session (and
 * its basket) in the store, so the old id is dead, and issues a new id. The
 * basket is then put back under the new id, and the form token is new too.
 */
export async function startMemberVisit(ctx: Koa.Context, deps: Pick<RouteDeps<'baskets'>, 'store' | 'clock' | 'config'>, member: Member, basketIds: string[]): Promise<void> {
  const { store, clock, config } = deps;
  await ctx.session!.regenerate();
  // regenerate() saved once already, and koa-session forgets a 'session' maxAge after its first save in a
  // request; without this the final save would give the session a one-day lifetime.
  ctx.sessionOptions!.maxAge = 'session';
  // Assigning data builds the session object afresh under the new id (the old object still reports the old one).
  ctx.session = { startedAt: clock(), csrf: newCsrfToken(), memberId: member.id };
  const id = ctx.session!.externalKey;
  if (!id) throw new Error('session middleware gave no id after regenerate');
  if (basketIds.length > 0) {
    await store.baskets.add(id, basketIds, Math.max(config.BASKET_LIMIT, basketIds.length), visitEndsAt(config, clock));
  }
}
