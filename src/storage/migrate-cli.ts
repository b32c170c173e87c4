import { ConfigSchema } from '../config/config.js';

/**
 * `npm run db:migrate`: brings the MongoDB database's indexes to what this
 * version needs, saying what it builds. Run it once per deployment before
 * starting (or upgrading) the servers; running it again changes nothing.
 * The embedded store upgrades its own schema when it opens: nothing to do.
 */
async function main(): Promise<number> {
  const config = ConfigSchema.pick({ MONGODB_URL: true, MONGODB_SEARCH: true }).safeParse({
    MONGODB_URL: process.env.MONGODB_URL || undefined,
    MONGODB_SEARCH: process.env.MONGODB_SEARCH || undefined,
  });
  if (!config.success) return process.stderr.write(`Configuration: ${config.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}\n`), 2;
  if (!config.data.MONGODB_URL) {
    process.stdout.write('MONGODB_URL is not set: the embedded store upgrades itself when the server opens it. Nothing to do.\n');
    return 0;
  }
  const { migrateMongoStore } = await import('./mongo/index.js');
  const started = Date.now();
  const changed = await migrateMongoStore({ url: config.data.MONGODB_URL, search: config.data.MONGODB_SEARCH }, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(changed === 0 ? 'Indexes are up to date.\n' : `${changed} index(es) built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`db:migrate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
