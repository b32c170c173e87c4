import type { SessionData, Store } from '../storage/store.js';
import type { Clock } from '../http/deps.js';

/**
 * koa-session's external store contract (get/set/destroy) on top of the
 * app's Store. koa-session's own maxAge is ignored: the cookie lives for the
 * browser session, while the server enforces the idle timeout itself.
 */
export function createSessionStore(store: Pick<Store, 'sessions'>, idleMs: number, clock: Clock) {
  return {
    async get(id: string): Promise<SessionData | null> {
      return store.sessions.get(id, clock());
    },
    async set(id: string, data: SessionData): Promise<void> {
      await store.sessions.set(id, data, clock() + idleMs);
    },
    async destroy(id: string): Promise<void> {
      await store.sessions.destroy(id);
    },
  };
}
