import type Koa from 'koa';
import session from 'koa-session';
import type { Store } from '../storage/store.js';
import { COOKIES } from '../cookies/cookie-registry.js';
import { createSessionStore } from './session-store.js';
import type { Clock } from '../http/deps.js';
import { newCsrfToken } from './csrf.js';
import { randomToken } from './random-token.js';

/** 256 random bits, URL-safe: the only thing the JSESSIONID cookie ever holds. */
export function newSessionId(): string {
  return randomToken(32);
}

/**
 * The JSESSIONID session: stored server-side, a browser-session cookie,
 * renewed on every request so the idle timeout counts from the last one.
 * A session is only written once something is put in it.
 */
export function sessionMiddleware(app: Koa, store: Pick<Store, 'sessions'>, idleMinutes: number, clock: Clock): Koa.Middleware {
  const cookie = COOKIES.session;
  return session(
    {
      key: cookie.name,
      maxAge: 'session',
      httpOnly: cookie.httpOnly,
      sameSite: cookie.sameSite,
      // Unsigned: the id is 256 random bits, and a signature would be a second, undeclared cookie.
      signed: false,
      rolling: true,
      genid: newSessionId,
      store: createSessionStore(store, idleMinutes * 60_000, clock),
    },
    app,
  ) as Koa.Middleware;
}

/**
 * The id of this visit's session, making sure it will be stored and its
 * cookie sent: call it before writing anything (a basket item, a login)
 * that belongs to the visit.
 */
export function startVisit(ctx: Koa.Context, clock: Clock): string {
  const session = ctx.session;
  const id = session?.externalKey;
  if (!session || !id) throw new Error('session middleware is not installed');
  if (session.startedAt === undefined) session.startedAt = clock();
  if (session.csrf === undefined) session.csrf = newCsrfToken();
  return id;
}

/**
 * For a change to a visit that began before this request: the time at which
 * its session must still exist for the change to be made (now). Undefined when
 * this request made the session itself (a new visit, or the new id at login),
 * which may then be created.
 */
export function sessionLiveAt(ctx: Koa.Context, clock: Clock): number | undefined {
  const read = ctx.state.storedVisit;
  return read !== undefined && read.id === ctx.session?.externalKey ? clock() : undefined;
}

/** When the visit ends if no other request comes: now plus the idle timeout. */
export function visitEndsAt(config: { SESSION_IDLE_MINUTES: number }, clock: Clock): number {
  return clock() + config.SESSION_IDLE_MINUTES * 60_000;
}

/**
 * The visit's session when the browser sent a session cookie, else undefined.
 * Reading through this never gives a cookieless visitor a session of their own.
 */
export function existingSession(ctx: Koa.Context): NonNullable<Koa.Context['session']> | undefined { // eslint-disable-line @typescript-eslint/no-redundant-type-constituents -- ctx.session is any until it is typed
  return ctx.cookies.get(COOKIES.session.name) ? (ctx.session ?? undefined) : undefined;
}
