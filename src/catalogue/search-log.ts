import type { RouteDeps } from '../http/deps.js';
import type { SearchLogEntry, Store } from '../storage/store.js';
import type { SearchState } from './search-state.js';
import { normaliseQuery } from '../text/fold.js';

/**
 * The search-log entry for one search. Built from the search and a visit key
 * that cannot be traced back (visit-key.ts): nothing about the session,
 * member, address or browser is even in reach here. The
 * store keeps the time only to the minute (both adapters round it on write).
 */
export function searchLogEntry(state: SearchState, results: number, now: number, visit: string): SearchLogEntry {
  return {
    visit,
    query: normaliseQuery(state.q),
    filters: state.filters.map((f) => `${f.field}:${f.value}`).sort(),
    results,
    page: state.page,
    at: now,
  };
}

/** Records a search without holding up the response; a failure is logged, never shown to the member. */
export function recordSearch({ store, clock, logger }: Pick<RouteDeps<'searchLog'>, 'store' | 'clock' | 'logger'>, state: SearchState, results: number, visit: string): void {
  store.searchLog.append(searchLogEntry(state, results, clock(), visit)).catch((err: unknown) => {
    logger.error({ err }, 'search log entry could not be written');
  });
}

const DAY = 24 * 60 * 60_000;

/**
 * Deletes searches older than SEARCH_LOG_RETENTION_DAYS, as the privacy page
 * promises; run by housekeeping. `now` comes from the caller's clock.
 */
export async function purgeOldSearches(store: Pick<Store, 'searchLog'>, retentionDays: number, now: number): Promise<number> {
  return store.searchLog.deleteOlderThan(now - retentionDays * DAY);
}
