import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './http/logger.js';
import { openStore } from './storage/open-store.js';
import { loadDemoCatalogue } from './import/demo.js';
import { seedDemoMembers } from './members/demo-members.js';
import type { Store } from './storage/store.js';
import type { Logger } from './http/logger.js';
import { purgeOldAuditEntries } from './librarian/audit-retention.js';

const PURGE_EVERY_MS = 60_000;

/** Load the demo records into an empty store only, never over a librarian's catalogue. */
async function seedIfEmpty(store: Store, logger: Logger): Promise<void> {
  if ((await store.records.count()) > 0) return;
  const counts = await loadDemoCatalogue(store);
  logger.info(counts, 'empty catalogue: loaded the demo records');
  // Demo accounts come only with the demo catalogue, and never into a store that has members.
  const members = await seedDemoMembers(store);
  if (members > 0) logger.info({ members }, 'added the demo member accounts listed in the README');
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore(config);
  if (config.SEED_DEMO) await seedIfEmpty(store, logger);

  const app = createApp({ config, store, logger });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ port: config.PORT, store: store.kind }, `Shelfmark is serving http://localhost:${config.PORT}`);
  });

  // Expired sessions (and their baskets) are deleted even if nobody comes back for them.
  const purge = setInterval(() => {
    store.sessions.purgeExpired(Date.now()).then(
      (n) => n > 0 && logger.info({ purged: n }, 'expired sessions deleted'),
      (err) => logger.error({ err }, 'session purge failed'),
    );
    // The privacy page promises audit entries go after AUDIT_RETENTION_DAYS; this keeps that promise.
    purgeOldAuditEntries(store, config.AUDIT_RETENTION_DAYS, Date.now()).then(
      (n) => n > 0 && logger.info({ deleted: n }, 'audit entries past retention deleted'),
      (err) => logger.error({ err }, 'audit retention purge failed'),
    );
    // Failed-login counters whose window and lock have ended (MongoDB's TTL index does this by itself).
    store.loginAttempts.purgeExpired(Date.now()).catch((err) => logger.error({ err }, 'login-attempt purge failed'));
  }, PURGE_EVERY_MS);
  purge.unref();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    clearInterval(purge);
    const force = setTimeout(() => {
      logger.warn('requests still open after 10 s; closing anyway');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.close(() => {
      store.close().then(
        () => { logger.info('stopped'); process.exit(0); },
        (err) => { logger.error({ err }, 'store did not close cleanly'); process.exit(1); },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Shelfmark could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
