import { createHash, randomBytes } from 'node:crypto';
import type Koa from 'koa';
import { COOKIES } from './cookie-registry.js';
import type { Clock } from '../http/deps.js';
import type { Store } from '../storage/store.js';
import type { Logger } from '../http/logger.js';
import { clearDeclaredCookie, setDeclaredCookie } from './declared-cookie.js';
import { consentOf } from './consent.js';

const VISITOR_ID = /^[A-Za-z0-9_-]{22}$/;

/** The calendar day (UTC) a visit is counted on. */
export function visitDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** What the store keeps: a hash, so the stored numbers cannot be turned back into a working cookie. */
function storedVisitorKey(visitorId: string): string {
  return createHash('sha256').update(visitorId).digest('base64url').slice(0, 22);
}

/**
 * First-party analytics. With consent, the visitor gets a random id cookie
 * and each page they view counts them once for the day, on our own server;
 * nothing is sent anywhere else. Without consent (no choice yet, or
 * rejected) no analytics cookie is set and any left over is deleted.
 */
export function analytics(store: Pick<Store, 'visits'>, clock: Clock, logger: Logger): Koa.Middleware {
  return async (ctx, next) => {
    await next();
    const sent = ctx.cookies.get(COOKIES.visitor.name);
    if (consentOf(ctx) !== 'accepted') {
      if (sent !== undefined) clearDeclaredCookie(ctx, COOKIES.visitor);
      return;
    }
    let visitorId = sent;
    if (!visitorId || !VISITOR_ID.test(visitorId)) {
      visitorId = randomBytes(16).toString('base64url');
      setDeclaredCookie(ctx, COOKIES.visitor, visitorId);
    }
    if (ctx.method !== 'GET' || ctx.status !== 200 || !ctx.response.is('html')) return;
    // Counting is best effort and off the response path: the page never waits for it, and a failed write never costs it.
    store.visits.record(storedVisitorKey(visitorId), visitDay(clock())).catch((err: unknown) => {
      logger.warn({ err }, 'could not count a visit');
    });
  };
}
