import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../workers/start-worker.js';
import type { RenderElsewhere } from './render.js';

interface Job {
  view: string;
  page: Record<string, unknown>;
  resolve: (html: string) => void;
  reject: (error: Error) => void;
}

/**
 * Heavy pages rendered off the serving thread. A results page is most of a
 * search's cost on the thread that serves every page (nunjucks took 1.2 of
 * the 3.4 ms each search cost it in a CPU profile at 100k records), so while
 * members search, record pages and basket adds waited behind other members'
 * results. Here `workers` threads render them, one page each at a time, the
 * rest waiting in order; a worker that fails is replaced and its page falls
 * back to the serving thread's renderer (the caller's choice).
 */
export function createRenderPool(workers: number): RenderElsewhere & { close(): Promise<void> } {
  const module = siblingModule(import.meta.url, 'render-worker');
  const waiting: Job[] = [];
  const slots: Array<{ worker: Worker; job: (Job & { id: number }) | null }> = [];
  let nextId = 1;
  let closed = false;

  function start(): (typeof slots)[number] {
    const slot: (typeof slots)[number] = { worker: startWorker(module), job: null };
    slot.worker.on('message', ({ id, html, error }: { id: number; html?: string; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== id) return;
      slot.job = null;
      if (error !== undefined) job.reject(new Error(error));
      else job.resolve(html!);
      dispatch();
    });
    slot.worker.on('error', (error) => {
      slot.job?.reject(error);
      slot.job = null;
      if (!closed) slots[slots.indexOf(slot)] = start();
      dispatch();
    });
    return slot;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.job || waiting.length === 0) continue;
      const job = waiting.shift()!;
      slot.job = { ...job, id: nextId++ };
      try {
        slot.worker.postMessage({ id: slot.job.id, view: job.view, page: job.page });
      } catch (error) {
        // A page that cannot be copied to a thread (it holds a function): the caller renders it here.
        slot.job = null;
        job.reject(error as Error);
      }
    }
  }

  for (let i = 0; i < workers; i++) slots.push(start());
  const render = (view: string, page: Record<string, unknown>) =>
    closed ? Promise.reject(new Error('the render pool is closed')) : new Promise<string>((resolve, reject) => {
      waiting.push({ view, page, resolve, reject });
      dispatch();
    });
  return Object.assign(render, {
    async close(): Promise<void> {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the render pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  });
}
