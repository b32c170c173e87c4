import type { Config } from '../config/config.js';
import type { Store } from '../storage/store.js';
import type { Logger } from '../http/logger.js';
import { purgeOldAuditEntries } from '../audit/retention.js';
import { purgeOldSearches } from '../catalogue/search-log.js';

const EVERY_MS = 60_000;

/**
 * Once a minute, delete what the site promises not to keep: ended visits
 * (sessions with their baskets), audit entries past AUDIT_RETENTION_DAYS,
 * searches past SEARCH_LOG_RETENTION_DAYS, and
 * failed-login counters whose window has passed. Returns a function that stops it.
 */
export function startHousekeeping(store: Pick<Store, 'sessions' | 'audit' | 'loginAttempts' | 'sendLimits' | 'searchLog'>, config: Pick<Config, 'AUDIT_RETENTION_DAYS' | 'SEARCH_LOG_RETENTION_DAYS'>, logger: Logger): () => void {
  const report = (what: string) => (n: number) => {
    if (n > 0) logger.info({ deleted: n }, what);
  };
  const failed = (what: string) => (err: unknown) => logger.error({ err }, `${what} failed`);
  const timer = setInterval(() => {
    const now = Date.now();
    store.sessions.purgeExpired(now).then(report('expired sessions deleted'), failed('session purge'));
    purgeOldAuditEntries(store, config.AUDIT_RETENTION_DAYS, now).then(report('audit entries past retention deleted'), failed('audit retention purge'));
    purgeOldSearches(store, config.SEARCH_LOG_RETENTION_DAYS, now).then(report('searches past retention deleted'), failed('search log retention purge'));
    store.loginAttempts.purgeExpired(now).then(report('ended failed-login counters deleted'), failed('login-attempt purge'));
    store.sendLimits.purgeExpired(now).then(report('ended email-limit counters deleted'), failed('email-limit purge'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
