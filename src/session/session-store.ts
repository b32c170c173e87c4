import type Koa from 'koa';
import type { SessionData, Store } from '../storage/store.js';
import type { Clock } from '../http/deps.js';

/** A rolling save that would only move the expiry by less than this writes nothing. */
export const ROLLING_SLACK_MS = 60_000;

/** What the session middleware read for this request, kept on `ctx.state.storedVisit`. */
export interface StoredVisit {
  id: string;
  expiresAt: number;
}

/** What koa-session passes with each call (it always passes the context). */
interface KoaSessionHints {
  ctx?: Koa.Context;
  changed?: boolean;
}

/**
 * koa-session's external store contract (get/set/destroy) on top of the
 * app's Store. koa-session's own maxAge is ignored: the cookie lives for the
 * browser session, while the server enforces the idle timeout itself.
 *
 * Ended means ended: only a session id koa-session made in this request (a
 * new visit, or the new id at login) is ever created. Any other save updates
 * the row only while it still exists, so a request in flight at logout cannot
 * write the destroyed session back. A save that changes no data and moves
 * the expiry by less than a minute writes nothing at all.
 */
export function createSessionStore(store: Pick<Store, 'sessions'>, idleMs: number, clock: Clock) {
  return {
    async get(id: string, _maxAge: unknown, { ctx }: KoaSessionHints): Promise<SessionData | null> {
      const stored = await store.sessions.read(id, clock());
      if (!stored) {
        // The browser sent the id of a visit that has ended (idle timeout): the page says so once.
        if (ctx) ctx.state.visitEnded = true;
        return null;
      }
      if (ctx) ctx.state.storedVisit = { id, expiresAt: stored.expiresAt } satisfies StoredVisit;
      return stored.data;
    },
    async set(id: string, data: SessionData, _maxAge: unknown, { ctx, changed }: KoaSessionHints): Promise<void> {
      const now = clock();
      const expiresAt = now + idleMs;
      const read = ctx?.state.storedVisit;
      if (read?.id !== id) {
        await store.sessions.set(id, data, expiresAt);
        return;
      }
      if (!changed && expiresAt - read.expiresAt < ROLLING_SLACK_MS) return;
      await store.sessions.update(id, data, expiresAt, now);
    },
    async destroy(id: string): Promise<void> {
      await store.sessions.destroy(id);
    },
  };
}
