import { openEmbeddedStore } from '../src/storage/embedded/index.js';
import type { ByConnections } from './measure-pages.js';

/** Adds the server acknowledged, and how many of them are missing from the store afterwards. */
export interface BasketCheck { sessions: number; acknowledged: number; stored: number; lost: number }

/**
 * After the server has stopped, read every benchmark visitor's basket straight
 * from the store: each id the server answered "in your basket" must be there.
 */
export async function checkBaskets(dataDir: string, runs: ByConnections): Promise<BasketCheck> {
  const store = await openEmbeddedStore({ dataDir });
  const check: BasketCheck = { sessions: 0, acknowledged: 0, stored: 0, lost: 0 };
  try {
    for (const run of Object.values(runs)) {
      for (const session of run.sessions ?? []) {
        const stored = new Set(await store.baskets.list(session.id));
        const acknowledged = new Set(session.acknowledged);
        check.sessions++;
        check.acknowledged += acknowledged.size;
        check.stored += stored.size;
        for (const id of acknowledged) if (!stored.has(id)) check.lost++;
      }
    }
  } finally {
    await store.close();
  }
  return check;
}
