import { parentPort, threadId, workerData } from 'node:worker_threads';
import { openStore } from '../storage/open-store.js';
import { runImport, stopConsoleImports, type ImportLogger } from './import-runner.js';
import type { ImportJob, ImportThreadMessage } from './import-thread.js';

/**
 * The console's import, on its own thread with its own store connection, so
 * the thread serving pages only renders them. Progress, problems and the end
 * go to the store as before; log lines go back to the server's logger.
 */
const job = workerData as ImportJob;
const post = (message: ImportThreadMessage) => parentPort!.postMessage(message);
const relay = (level: keyof ImportLogger) => (fields: object, message: string) => {
  const plain = Object.fromEntries(Object.entries(fields).map(([key, value]) =>
    [key, value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value]));
  post({ log: { level, fields: { ...plain, threadId }, message } });
};
const logger: ImportLogger = { info: relay('info'), warn: relay('warn'), error: relay('error') };

// The server is stopping: end after the batch in hand, recorded as interrupted (import-runner.ts).
const onStop = (message: unknown) => {
  if ((message as { stop?: boolean }).stop) void stopConsoleImports();
};
parentPort!.on('message', onStop);
const store = await openStore(job.storeConfig);
try {
  // The server's clock, as it stood when the job was handed over (tests move it).
  await runImport({ store, logger, config: job.storeConfig, clock: () => Date.now() + job.clockOffset }, job.run, job.path, job.forced);
} finally {
  await store.close();
  parentPort!.off('message', onStop);
}
post({ ended: true });
