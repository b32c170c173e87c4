import type Koa from 'koa';
import type { Store } from '../storage/store.js';
import { existingSession } from '../session/session.js';

/**
 * Read-only view of the current visit's basket. A visitor without a session
 * cookie has an empty basket, and reading it creates no session.
 */
export function visitBasket(ctx: Koa.Context, store: Pick<Store, 'baskets'>) {
  const id = existingSession(ctx)?.externalKey;
  return {
    async ids(): Promise<string[]> {
      return id ? store.baskets.list(id) : [];
    },
    async count(): Promise<number> {
      return id ? store.baskets.count(id) : 0;
    },
  };
}
