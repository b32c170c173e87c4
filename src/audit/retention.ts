import type { Store } from '../storage/store.js';

const DAY = 24 * 60 * 60_000;

/**
 * Deletes audit entries older than the retention period, as the privacy page
 * promises. `now` comes from the caller's clock, so tests move time instead of waiting.
 */
export async function purgeOldAuditEntries(store: Pick<Store, 'audit'>, retentionDays: number, now: number): Promise<number> {
  return store.audit.deleteOlderThan(now - retentionDays * DAY);
}
