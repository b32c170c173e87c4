import { OTHER_LOCATIONS } from '../branches/branch-registry.js';
import type { RecordStore } from '../storage/store.js';
import type { Clock } from '../http/deps.js';
import { isOnlineBranch } from './reservability.js';

const CACHE_MS = 5 * 60_000;

/** The branches a member can collect from; one per app, made by createApp. */
export interface Branches {
  /**
   * Every branch holding copies in the catalogue, online ones and "Other locations" left out, in
   * alphabetical order. Read from the facet counts and kept for a few
   * minutes by the app's clock, since branches rarely change.
   */
  pickupBranches(): Promise<string[]>;
}

export function createBranches(records: Pick<RecordStore, 'search'>, clock: Clock): Branches {
  let cached: { at: number; branches: Promise<string[]> } | undefined;
  return {
    pickupBranches() {
      const now = clock();
      if (cached && now - cached.at < CACHE_MS) return cached.branches;
      const branches = records
        .search({ clauses: [], filters: [], sort: 'relevance', offset: 0, limit: 0, facetLimit: 200 })
        .then((r) => r.facets.branch.map((f) => f.value).filter((b) => !isOnlineBranch(b) && b !== OTHER_LOCATIONS).sort((a, b) => a.localeCompare(b)));
      const entry = { at: now, branches };
      branches.catch(() => {
        if (cached === entry) cached = undefined;
      });
      cached = entry;
      return branches;
    },
  };
}

/** The branch asked for when it is a real one, else the member's home branch, else the first. */
export function choosePickup(branches: string[], asked: unknown, home: string): string {
  if (typeof asked === 'string' && branches.includes(asked)) return asked;
  return branches.includes(home) ? home : (branches[0] ?? home);
}
