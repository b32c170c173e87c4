import { parseArgs } from 'node:util';
import { branchRegistryPath } from '../branches/branch-registry-file.js';
import { ConfigSchema } from '../config/config.js';
import { loadEnvFile } from '../config/env-file.js';
import { openStore } from '../storage/open-store.js';
import { runSeed } from './run-seed.js';
import { FORMATS, type ImportFormat } from '../storage/import-run-store.js';

const USAGE = `Usage: npm run seed -- [file or folder] [options]

Loads MARC21, MARCXML, CSV, JSON or NDJSON into the Shelfmark catalogue.
With no file, loads the demo catalogue.

Options:
  --format <marc21|marcxml|csv|json|ndjson>  skip format detection
  --replace           empty the catalogue first (only once the files prove readable)
  --rejects <file>    write every rejected record and warning to a CSV report
  --branches <file>   the branch registry (default: BRANCHES_FILE, else branches.json
                      in the data folder, else the demo's seed/branches.json)
  --data-dir <dir>    embedded store folder (default: DATA_DIR, else ./data)
  --help              show this help

Exit codes: 0 all imported, 1 some records rejected, 2 a file could not be read.`;

/** `npm run seed` / `shelfmark-seed`: parse the arguments, open the store as the server does, import, exit 0/1/2. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string' }, replace: { type: 'boolean' }, rejects: { type: 'string' }, branches: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return process.stdout.write(`${USAGE}\n`), 0;
  if (positionals.length > 1) return process.stderr.write(`Give one file or folder at a time.\n\n${USAGE}\n`), 2;
  if (values.format && !(FORMATS as readonly string[]).includes(values.format)) {
    return process.stderr.write(`--format must be one of ${FORMATS.join(', ')}\n`), 2;
  }
  const config = ConfigSchema.pick({ DATA_DIR: true, MONGODB_URL: true, MONGODB_SEARCH: true, BRANCHES_FILE: true }).safeParse({
    DATA_DIR: values['data-dir'] ?? (process.env.DATA_DIR || undefined),
    BRANCHES_FILE: values.branches ?? (process.env.BRANCHES_FILE || undefined),
    MONGODB_URL: process.env.MONGODB_URL || undefined,
    // --replace empties MongoDB by dropping the collection; with MONGODB_SEARCH=atlas its search index is made again.
    MONGODB_SEARCH: process.env.MONGODB_SEARCH || undefined,
  });
  if (!config.success) return process.stderr.write(`Configuration: ${config.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}\n`), 2;
  const store = await openStore(config.data);
  try {
    return await runSeed(
      store,
      { target: positionals[0], format: values.format as ImportFormat | undefined, replace: values.replace, rejectsPath: values.rejects, branchesPath: branchRegistryPath(config.data) },
      process.stdout,
      process.stderr,
    );
  } finally {
    await store.close();
  }
}

loadEnvFile();
process.exitCode = await main(process.argv.slice(2));
