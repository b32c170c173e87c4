import type Koa from 'koa';
import { COOKIES } from '../cookies/cookie-registry.js';
import { clearDeclaredCookie } from '../cookies/declared-cookie.js';
import type { Clock } from '../http/deps.js';
import { ROLLING_SLACK_MS } from './session-store.js';

/** The notice gives this much warning before an idle visit ends (WCAG 2.2.1 asks for at least 20 seconds). */
export const WARNING_MS = 2 * 60_000;

/**
 * When this visit ends if the member does nothing more, or undefined when
 * there is no stored visit. Never later than the truth: a request that
 * changes nothing leaves the stored expiry where it was (within a minute).
 */
export function visitEnd(ctx: Koa.Context, idleMs: number, clock: Clock): number | undefined {
  const now = clock();
  const session = ctx.session;
  const read = ctx.state.storedVisit;
  if (read && read.id === session?.externalKey) return now + idleMs - read.expiresAt < ROLLING_SLACK_MS ? read.expiresAt : now + idleMs;
  // A session made in this request (a new visit, or the new id at login) is stored when the request ends, if it holds anything.
  return session && Object.keys(session.toJSON()).length > 0 ? now + idleMs : undefined;
}

/** "14:32": the time a visit ends, as pages and replies state it. */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** What the page says once after a visit ended on its own (the browser sent the id of a session that has gone). */
export function endedMessage(idleMinutes: number): string {
  return `Your last visit ended after ${idleMinutes} minutes without activity, and its basket was emptied.`;
}

/**
 * After the session middleware: when the browser sent the id of a visit
 * that has ended and nothing new was stored, delete the dead cookie, so
 * that the page says once that the visit ended, not on every page after.
 */
export const forgetEndedVisit: Koa.Middleware = async (ctx, next) => {
  await next();
  if (!ctx.state.visitEnded) return;
  const sent = ctx.response.get('Set-Cookie') as unknown;
  const headers = Array.isArray(sent) ? sent : typeof sent === 'string' ? [sent] : [];
  if (!headers.some((h: string) => h.startsWith(`${COOKIES.session.name}=`))) clearDeclaredCookie(ctx, COOKIES.session);
};
