import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../../workers/start-worker.js';
import type { StoreSearchQuery, StoreSearchResult } from '../../model/search-query.js';
import { SearchTimedOut } from '../../model/search-query.js';
import type { PersistCounts } from './facets.js';
import { withRecords, type EngineResult } from './search.js';
import type { VocabularyTerm } from '../store.js';

/** What a worker is asked: a search, a range of the vocabulary, or to load the facet index (the first job of the first worker). */
type Task = { query: StoreSearchQuery } | { vocabulary: [prefix: string, limit: number] } | { warm: true };

interface Job {
  task: Task;
  /** The worker that ran this search before, and so holds its hits: the one it goes to when that worker is free. */
  home: number;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}
interface Slot {
  worker: Worker;
  ready: boolean;
  job: (Job & { id: number; timer: NodeJS.Timeout | undefined }) | null;
}

/** A search's home worker, from what it asks for apart from the page (FNV-1a of it). */
function homeOf(query: StoreSearchQuery): number {
  const text = JSON.stringify([query.clauses, query.filters, query.exclude, query.sort]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export interface SearchPoolOptions {
  file: string;
  workers: number;
  /** A search still running after this long is stopped: its worker is ended and replaced. */
  budgetMs: number;
  persist: PersistCounts;
}

/**
 * Searches off the serving thread: a fixed set of worker threads, each with
 * its own read-only connection, one search each at a time, the rest waiting
 * in order. SQLite cannot be interrupted from another thread through
 * better-sqlite3, so a search past its budget is stopped by ending its
 * worker; the member is told it took too long, and a fresh worker takes its place.
 */
export function createSearchPool(options: SearchPoolOptions) {
  const workerModule = siblingModule(import.meta.url, 'search-worker');
  const waiting: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let broken: Error | null = null;
  // One facet index build at a time across this pool's workers (facet-snapshot.ts).
  const lock = new Int32Array(new SharedArrayBuffer(4));

  function start(): Slot {
    const slot: Slot = { worker: startWorker(workerModule, { workerData: { file: options.file, lock } }), ready: false, job: null };
    type Message = { id?: number; result?: unknown; error?: string; persist?: { version: string; counts: string }; ready?: true; building?: boolean };
    slot.worker.on('message', (message: Message) => {
      if (message.ready) {
        slot.ready = true;
        dispatch();
        return;
      }
      if (message.building !== undefined) {
        if (slot.job) clearTimeout(slot.job.timer);
        if (slot.job && !message.building) slot.job.timer = budget(slot);
        return;
      }
      if (message.persist) {
        try {
          options.persist(message.persist.version, message.persist.counts);
        } catch {
          // Only a cache: the next start counts again.
        }
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      clearTimeout(job.timer);
      slot.job = null;
      if (message.error !== undefined) job.reject(new Error(message.error));
      else job.resolve(message.result);
      dispatch();
    });
    slot.worker.on('error', (error) => replace(slot, error));
    return slot;
  }

  function replace(slot: Slot, error: Error): void {
    const job = slot.job;
    slot.job = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    void slot.worker.terminate();
    if (closed) return;
    if (!slot.ready) {
      // It failed before it could search: starting another would fail the same way, over and over.
      broken = error;
      for (const waiter of waiting.splice(0)) waiter.reject(error);
      return;
    }
    slots[slots.indexOf(slot)] = start();
    dispatch();
  }

  function budget(slot: Slot): NodeJS.Timeout {
    return setTimeout(() => replace(slot, new SearchTimedOut()), options.budgetMs);
  }

  /**
   * Each free worker takes the oldest search whose home it is, or else the
   * oldest whose home worker is busy: a repeated search or its next page
   * goes back to the worker whose hit cache holds it, and nobody waits for
   * a busy worker while another is free.
   */
  function next(slot: Slot): Job | undefined {
    const own = slots.indexOf(slot);
    let i = waiting.findIndex((job) => job.home % slots.length === own);
    if (i < 0) i = waiting.findIndex((job) => slots[job.home % slots.length]!.job !== null || !slots[job.home % slots.length]!.ready);
    return i < 0 ? undefined : waiting.splice(i, 1)[0];
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.job || waiting.length === 0) continue;
      const job = next(slot);
      if (!job) continue;
      const id = nextId++;
      slot.job = { ...job, id, timer: undefined };
      slot.job.timer = budget(slot);
      slot.worker.postMessage({ id, ...job.task });
    }
  }

  function run<T>(task: Task, home: number): Promise<T> {
    if (closed) return Promise.reject(new Error('the store is closed'));
    if (broken) return Promise.reject(broken);
    return new Promise<T>((resolve, reject) => {
      waiting.push({ task, home, resolve: resolve as (result: unknown) => void, reject });
      dispatch();
    });
  }

  for (let i = 0; i < options.workers; i++) slots.push(start());
  // The first worker to start loads the facet index (reading its snapshot, or building it once per
  // catalogue generation) before any member asks: the others take searches meanwhile. Alone, a worker
  // loads it on the first search that needs it instead, so a plain browse never waits behind it.
  if (options.workers > 1) {
    const none = () => {};
    waiting.push({ task: { warm: true }, home: 0, resolve: none, reject: none });
  }

  return {
    /** True once some worker can take a search. */
    started(): boolean {
      return slots.some((slot) => slot.ready);
    },
    search(query: StoreSearchQuery): Promise<StoreSearchResult> {
      return run<EngineResult>({ query }, homeOf(query)).then(withRecords);
    },
    /** One range of the vocabulary (vocabulary.ts): read here rather than on the serving thread, since it can take a quarter of a second. */
    vocabulary(prefix: string, limit: number): Promise<VocabularyTerm[]> {
      return run<VocabularyTerm[]>({ vocabulary: [prefix, limit] }, 0);
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the store is closed'));
      for (const slot of slots) {
        if (slot.job) replace(slot, new Error('the store is closed'));
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
