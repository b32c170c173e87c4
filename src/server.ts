import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { loadEnvFile } from './config/env-file.js';
import { createLogger } from './http/logger.js';
import { openStore } from './storage/open-store.js';
import { loadDemoCatalogue } from './import/demo.js';
import { seedDemoMembers } from './members/demo-members.js';
import type { Store } from './storage/store.js';
import type { Logger } from './http/logger.js';
import { startHousekeeping } from './jobs/housekeeping.js';
import { startHoldExpiry } from './jobs/hold-expiry.js';
import { createMailer } from './mail/mailer.js';
import { removeOrphanUploads } from './librarian/upload-files.js';
import { stopImportThreads } from './librarian/import-thread.js';
import { createRenderPool } from './http/render-pool.js';

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
    loadEnvFile();
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore(config, config);
  // Uploads whose process died (kill -9, out of memory) before its import could remove them.
  const orphans = await removeOrphanUploads();
  if (orphans > 0) logger.info({ removed: orphans }, 'removed uploads left by a stopped server');
  if (config.SEED_DEMO) await seedIfEmpty(store, logger);

  const renderPool = config.RENDER_WORKERS > 0 ? createRenderPool(config.RENDER_WORKERS) : undefined;
  const app = createApp({ config, store, logger, mailer: createMailer(config, logger), renderElsewhere: renderPool });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    // The bound port, not the configured one: PORT=0 asks the system for a free port.
    const { port } = server.address() as AddressInfo;
    logger.info({ port, store: store.kind }, `Shelfmark is serving http://localhost:${port}`);
  });

  const stopHousekeeping = startHousekeeping(store, config, logger);
  const stopHoldExpiry = startHoldExpiry({ store, logger, clock: Date.now });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight and the import batch in hand');
    stopHousekeeping();
    stopHoldExpiry();
    // A console import stops after its current batch and records itself as interrupted.
    const importsStopped = stopImportThreads().catch((err: unknown) => logger.error({ err }, 'console import did not stop cleanly'));
    const force = setTimeout(() => {
      logger.warn('requests still open after 10 s; closing anyway');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.close(() => {
      importsStopped.then(() => Promise.all([store.close(), renderPool?.close()])).then(
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
