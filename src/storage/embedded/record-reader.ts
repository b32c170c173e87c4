import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../../workers/start-worker.js';
import type { RecordReads } from './record-reads.js';

interface Pending {
  ids: readonly string[];
  resolve: (docs: Map<string, string>) => void;
  reject: (error: Error) => void;
}

/**
 * Record documents read on a worker thread of their own, not on the serving
 * thread. A read is quick when SQLite's pages are in memory, but a page the
 * operating system has let go of is read from the disk, and while the disk
 * is busy (a checkpoint's writes) that took 145-170 ms on the bench machine,
 * with the serving thread blocked: every member's request waited. Here only
 * the reads queued behind it wait.
 *
 * The reads asked for in one turn of the event loop go to the worker as one
 * message, so under load a record page costs the serving thread less than a
 * message of its own.
 *
 * Until the worker has started, for reads it was given when it failed, and
 * for reads it answered with an error, the serving thread's own connection
 * (`here`) answers: the same statements, so the answer is the same. A
 * worker that fails is replaced; one that fails before it could start is
 * not, and every read is then answered here.
 */
export function createRecordReader(file: string, here: RecordReads) {
  /** Reads sent, by message: each message answers the reads of one turn. */
  const sent = new Map<number, Pending[]>();
  /** Reads of this turn, not sent yet. */
  let turn: Pending[] = [];
  let nextId = 1;
  let ready = false;
  let closed = false;
  let worker: Worker;
  /** Reads answered by the worker: for tests, which check the serving thread did not do them. */
  let answered = 0;

  function answerHere(job: Pending): void {
    try {
      job.resolve(here.docs(job.ids));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  function answerAllHere(): void {
    for (const jobs of sent.values()) jobs.forEach(answerHere);
    sent.clear();
  }

  function send(): void {
    const jobs = turn;
    turn = [];
    if (!ready) {
      jobs.forEach(answerHere);
      return;
    }
    const id = nextId++;
    sent.set(id, jobs);
    worker.postMessage({ id, ids: [...new Set(jobs.flatMap((job) => job.ids))] });
  }

  function start(): void {
    ready = false;
    const started = startWorker(siblingModule(import.meta.url, 'record-read-worker'), { workerData: { file } });
    worker = started;
    started.on('message', (message: { ready?: true; id?: number; docs?: Array<[string, string]>; error?: string }) => {
      if (message.ready) {
        ready = !closed;
        return;
      }
      const jobs = sent.get(message.id!);
      if (!jobs) return;
      sent.delete(message.id!);
      // A read the worker could not make is made here: the record, or this connection's own error.
      if (message.error !== undefined) {
        jobs.forEach(answerHere);
        return;
      }
      const docs = new Map(message.docs);
      for (const job of jobs) {
        answered++;
        job.resolve(new Map(job.ids.flatMap((id) => (docs.has(id) ? [[id, docs.get(id)!]] : []))));
      }
    });
    const failed = () => {
      if (worker !== started) return;
      const wasReady = ready;
      ready = false;
      answerAllHere();
      void started.terminate();
      if (wasReady && !closed) start();
    };
    started.on('error', failed);
    started.on('exit', failed);
  }
  start();

  return {
    /** The documents of those ids that exist, by id. */
    docs(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return Promise.resolve(new Map());
      return new Promise((resolve, reject) => {
        const job = { ids, resolve, reject };
        if (!ready) {
          answerHere(job);
          return;
        }
        // Sent once this turn's other requests have been taken in.
        if (turn.length === 0) setImmediate(send);
        turn.push(job);
      });
    },
    /** True while the worker takes reads. */
    started: () => ready,
    answered: () => answered,
    /** Ends the worker; reads still waiting are answered here, while the connection is open. */
    async close(): Promise<void> {
      closed = true;
      ready = false;
      answerAllHere();
      send();
      await worker.terminate();
    },
  };
}
