import { parentPort } from 'node:worker_threads';
import { templateEnvironment } from './render.js';
import { yieldToServingThread } from '../workers/lower-priority.js';

/**
 * One render worker: the same templates as the serving thread, rendering one
 * page at a time at a lower priority (nice 10), so the pages it renders wait
 * behind the serving thread's, not the other way round.
 */
yieldToServingThread();
const env = templateEnvironment();
const port = parentPort!;
port.on('message', ({ id, view, page }: { id: number; view: string; page: Record<string, unknown> }) => {
  try {
    port.postMessage({ id, html: env.render(view, page) });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
