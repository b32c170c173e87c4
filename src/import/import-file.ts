import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Store } from '../storage/store.js';
import { detectFormat } from './detect-format.js';
import { importItems, type ImportObserver, type ImportPlaces } from './import-items.js';
import type { ImportCounts, ImportFormat } from '../storage/import-run-store.js';
import { explain } from './inputs.js';
import { FORMAT_LABELS, loadReader } from './readers.js';
import { UnreadableFileError, type PreparableItems, type ReadItem, type Reader } from './types.js';
import type { Branch, BranchRegistry } from '../branches/branch-registry.js';
import { siblingModule, startWorker } from '../workers/start-worker.js';
import { unpackRecords, type PackedRecords } from './packed-rows.js';

/**
 * Files this big or bigger are read on a worker thread: parsing then runs on
 * one core while the store writes on another, instead of taking turns.
 */
export const READ_ON_WORKER_FROM_BYTES = 1 << 20;

/** An opened input: its format, its size, its records, and how far reading has got. */
export interface OpenedFile {
  format: ImportFormat;
  size: number;
  /** PreparableItems when read on a worker thread. */
  items: AsyncIterable<ReadItem>;
  bytesRead: () => number;
}

/**
 * Check that a file exists, is not empty and is in a format Shelfmark reads;
 * then stream its records, read on a worker thread when the file is large
 * (`onWorker` decides when given).
 */
export async function openFile(file: string, forced?: ImportFormat, onWorker?: boolean): Promise<OpenedFile> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableFileError(explain(error, file));
  });
  if (info.size === 0) throw new UnreadableFileError(`${file} is empty (0 bytes): the export may have failed`);
  const format = forced ?? (await detectFormat(file).catch((e: NodeJS.ErrnoException) => Promise.reject(new UnreadableFileError(explain(e, file)))));
  if (!format) {
    throw new UnreadableFileError(`${file} is not in a format Shelfmark reads (MARC21, MARCXML, CSV with a header row, JSON or NDJSON); if you are sure of its format, name it with --format`);
  }
  const reading = (onWorker ?? info.size >= READ_ON_WORKER_FROM_BYTES) ? readOnWorker(file, format) : readHere(file, format, await loadReader(format));
  return { format, size: info.size, ...reading };
}

/** The records of a file in a format already known, read on this thread by that format's reader (loadReader). */
export function readHere(file: string, format: ImportFormat, reader: Reader): Pick<OpenedFile, 'items' | 'bytesRead'> {
  const stream: ReadStream = createReadStream(file, { highWaterMark: 1 << 20 });
  return { items: guard(reader(stream, file), file, format), bytesRead: () => stream.bytesRead };
}

/** What the reading thread (read-worker.ts) posts: some items, the end, or why it stopped. */
export type ReaderMessage =
  | { items: Array<ReadItem | number>; packed?: PackedRecords; bytesRead: number }
  | { done: true; bytesRead: number }
  | { error: { name: string; message: string } };

/** What the reading thread is given: the file, and the library's branches when it is to prepare records. */
export interface ReaderData {
  file: string;
  format: ImportFormat;
  prepare?: { branches: readonly Branch[] };
}

/**
 * The same records read by readHere() on a worker thread, handed over a few
 * hundred at a time. The worker starts when reading starts and is ended when
 * reading stops, also when the caller stops early. Asked before that
 * (prepareFor), the worker also gives copies their branches and works out
 * each record's stored document, and its whole row when the writer is
 * behind (types.ts, PreparedRecord), taking that work off the thread that
 * writes.
 */
function readOnWorker(file: string, format: ImportFormat): Pick<OpenedFile, 'items' | 'bytesRead'> {
  let bytes = 0;
  let prepare: ReaderData['prepare'];
  let started = false;
  async function* read(): AsyncGenerator<ReadItem> {
    started = true;
    const workerData: ReaderData = { file, format, ...(prepare ? { prepare } : {}) };
    const worker = startWorker(siblingModule(import.meta.url, 'read-worker'), { workerData });
    const inbox: Array<ReaderMessage | { exit: number }> = [];
    let wake: (() => void) | null = null;
    const deliver = (message: ReaderMessage | { exit: number }) => {
      inbox.push(message);
      wake?.();
      wake = null;
    };
    worker.on('message', deliver);
    worker.on('error', (error: Error) => deliver({ error: { name: error.name, message: error.message } }));
    worker.on('exit', (code: number) => deliver({ exit: code }));
    try {
      for (;;) {
        while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const message = inbox.shift()!;
        if ('items' in message) {
          bytes = message.bytesRead;
          worker.postMessage('more');
          // A number stands for the record at that index of the pack.
          const packed = message.packed ? unpackRecords(message.packed, file) : [];
          for (const item of message.items) yield typeof item === 'number' ? packed[item]! : item;
        } else if ('done' in message) {
          bytes = message.bytesRead;
          return;
        } else if ('error' in message) {
          const { name, message: text } = message.error;
          throw name === 'UnreadableFileError' ? new UnreadableFileError(text) : Object.assign(new Error(text), { name });
        } else {
          throw new Error(`the thread reading ${file} stopped (exit code ${message.exit})`);
        }
      }
    } finally {
      await worker.terminate();
    }
  }
  const items: PreparableItems = {
    [Symbol.asyncIterator]: () => read(),
    prepareFor(branches: BranchRegistry) {
      if (started) throw new Error('prepareFor() comes before reading starts');
      prepare = { branches: branches.branches };
    },
  };
  return { items, bytesRead: () => bytes };
}

/** Import one file; throws UnreadableFileError when not a single record could be read from it. */
export async function importFile(file: string, store: Pick<Store, 'records'>, observer: ImportObserver = {}, forced?: ImportFormat, places?: ImportPlaces): Promise<{ format: ImportFormat; counts: ImportCounts }> {
  const opened = await openFile(file, forced);
  const counts = await importItems(opened.items, store, observer, undefined, places);
  return { format: opened.format, counts };
}

/** Turn "nothing in this file could be read" into an UnreadableFileError, after passing the items on. */
async function* guard(items: AsyncIterable<ReadItem>, file: string, format: ImportFormat): AsyncGenerator<ReadItem> {
  let good = 0;
  let first: string | undefined;
  let seen = 0;
  try {
    for await (const item of items) {
      seen++;
      if (item.ok) good++;
      else first ??= item.reason;
      yield item;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(explain(error as NodeJS.ErrnoException, file));
  }
  if (seen === 0) throw new UnreadableFileError(`${file} holds no ${FORMAT_LABELS[format]} records`);
  if (good === 0) throw new UnreadableFileError(`no record in ${file} could be read as ${FORMAT_LABELS[format]}; the first problem was: ${first}`);
}
