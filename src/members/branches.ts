import type { Store } from '../storage/store.js';
import { isOnlineBranch } from './reservability.js';

const CACHE_MS = 5 * 60_000;
const cache = new WeakMap<Store, { at: number; branches: Promise<string[]> }>();

/**
 * The branches a member can collect from: every branch holding copies in the
 * catalogue, online ones left out, in alphabetical order. Read from the
 * facet counts and kept for a few minutes, since branches rarely change.
 */
export function pickupBranches(store: Store): Promise<string[]> {
  const hit = cache.get(store);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.branches;
  const branches = store.records
    .search({ clauses: [], filters: [], sort: 'relevance', offset: 0, limit: 0, facetLimit: 200 })
    .then((r) => r.facets.branch.map((f) => f.value).filter((b) => !isOnlineBranch(b)).sort((a, b) => a.localeCompare(b)));
  branches.catch(() => cache.delete(store));
  cache.set(store, { at: Date.now(), branches });
  return branches;
}

/** The branch asked for when it is a real one, else the member's home branch, else the first. */
export function choosePickup(branches: string[], asked: unknown, home: string): string {
  if (typeof asked === 'string' && branches.includes(asked)) return asked;
  return branches.includes(home) ? home : (branches[0] ?? home);
}
