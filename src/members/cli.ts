import { loadEnvFile } from '../config/env-file.js';
import { DuplicateCard } from '../storage/member-stores.js';
import { runMemberCli, USAGE, UsageError } from './member-command.js';

loadEnvFile();

/** Entry point of `npm run member`: a usage mistake exits 2 with the usage, any other failure 1. */
runMemberCli(process.argv.slice(2)).then(
  (message) => process.stdout.write(`${message}\n`),
  (error: unknown) => {
    const usage = error instanceof UsageError || error instanceof DuplicateCard || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    process.stderr.write(usage ? `${(error as Error).message}\n\n${USAGE}\n` : `member: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
