import type { RouteDeps } from '../http/deps.js';
import type { SearchLogEntry, Store } from '../storage/store.js';
import type { SearchKind } from '../storage/log-stores.js';
import type { SearchState } from './search-state.js';
import { normaliseQuery } from '../text/fold.js';

/**
 * The search-log entry for one search. Built from the search and a visit key
 * that cannot be traced back (visit-key.ts): nothing about the session,
 * member, address or browser is even in reach here. The
 * store keeps the time only to the minute (both adapters round it on write).
 */
export function searchLogEntry(state: SearchState, results: number, now: number, visit: string, kind: SearchKind = 'typed'): SearchLogEntry {
  return {
    visit,
    kind,
    query: normaliseQuery(state.q),
    filters: state.filters.map((f) => `${f.field}:${f.value}`).sort(),
    results,
    page: state.page,
    at: now,
  };
}

/** Records a search without holding up the response; a failure is logged, never shown to the member. */
export function recordSearch({ store, clock, logger }: Pick<RouteDeps<'searchLog'>, 'store' | 'clock' | 'logger'>, state: SearchState, results: number, visit: string, kind: SearchKind = 'typed'): void {
  store.searchLog.append(searchLogEntry(state, results, clock(), visit, kind)).catch((err: unknown) => {
    logger.error({ err }, 'search log entry could not be written');
  });
}

/**
 * Which requests are new searches. Only the search box (`via=box`) and a
 * ticked facet value (`via=facet`) say so; every other link on a page (sort,
 * page, untick, the return after a basket add) is built from the SearchState,
 * which never carries `via`, so none of them is logged. The route logs the
 * search once and redirects to its plain address, so Back and reload do not
 * log it again either.
 */
const VIA: Record<string, SearchKind> = { box: 'typed', facet: 'facet' };

export function searchKindOf(params: URLSearchParams): SearchKind | undefined {
  const via = params.get('via');
  return via !== null && Object.hasOwn(VIA, via) ? VIA[via] : undefined;
}

/** A link that is logged as a search of this kind when followed. */
export function loggedHref(href: string, kind: SearchKind): string {
  const via = kind === 'typed' ? 'box' : 'facet';
  return `${href}${href.includes('?') ? '&' : '?'}via=${via}`;
}

const DAY = 24 * 60 * 60_000;

/**
 * Deletes searches older than SEARCH_LOG_RETENTION_DAYS, as the privacy page
 * promises; run by housekeeping. `now` comes from the caller's clock.
 */
export async function purgeOldSearches(store: Pick<Store, 'searchLog'>, retentionDays: number, now: number): Promise<number> {
  return store.searchLog.deleteOlderThan(now - retentionDays * DAY);
}
