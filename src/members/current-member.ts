import type Koa from 'koa';
import type { Member, Store } from '../storage/store.js';
import { existingSession } from '../session/session.js';
import { safeReturnPath } from '../http/return-path.js';
import { firstName } from './card.js';

/** The member logged in on this request, loaded once by `loadMember`. */
export function currentMember(ctx: Koa.Context): Member | undefined {
  return ctx.state.member;
}

/**
 * Loads the member whose id the server-side session holds (the cookie holds
 * only the random session key) and gives every page what the header shows.
 * A member deleted or disabled since logging in is simply logged out.
 */
export function loadMember(store: Pick<Store, 'members'>): Koa.Middleware {
  return async (ctx, next) => {
    const id = existingSession(ctx)?.memberId;
    if (typeof id === 'string') {
      const member = await store.members.get(id);
      if (member && member.disabledAt === undefined) {
        ctx.state.member = member;
        ctx.state.page = { ...ctx.state.page, member: { firstName: firstName(member.name), role: member.role } };
      } else {
        delete ctx.session!.memberId;
      }
    }
    await next();
  };
}

/** Where the login form should send the member back to after this request. */
function comeBackTo(ctx: Koa.Context): string {
  if (ctx.method === 'GET' || ctx.method === 'HEAD') return safeReturnPath(ctx.url);
  return safeReturnPath((ctx.request.body as { return?: unknown } | undefined)?.return, '/account');
}

/** Pages and actions for logged-in members: others are sent to log in, then back. */
export const requireLogin: Koa.Middleware = async (ctx, next) => {
  if (currentMember(ctx)) return next();
  const login = `/login?return=${encodeURIComponent(comeBackTo(ctx))}`;
  if (ctx.accepts('html', 'json') === 'json') {
    ctx.status = 401;
    ctx.body = { error: 'Please log in first.', login };
    return;
  }
  ctx.redirect(login);
};
