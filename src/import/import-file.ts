import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Store } from '../storage/store.js';
import { detectFormat } from './detect-format.js';
import { importItems, type ImportObserver } from './import-items.js';
import type { ImportCounts, ImportFormat } from '../storage/import-run-store.js';
import { explain } from './inputs.js';
import { FORMAT_LABELS, READERS } from './readers.js';
import { UnreadableFileError, type ReadItem } from './types.js';

/** An opened input: its format, its size, its records, and how far reading has got. */
export interface OpenedFile {
  format: ImportFormat;
  size: number;
  items: AsyncIterable<ReadItem>;
  bytesRead: () => number;
}

/** Check that a file exists, is not empty and is in a format Shelfmark reads; then stream its records. */
export async function openFile(file: string, forced?: ImportFormat): Promise<OpenedFile> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableFileError(explain(error, file));
  });
  if (info.size === 0) throw new UnreadableFileError(`${file} is empty (0 bytes): the export may have failed`);
  const format = forced ?? (await detectFormat(file).catch((e: NodeJS.ErrnoException) => Promise.reject(new UnreadableFileError(explain(e, file)))));
  if (!format) {
    throw new UnreadableFileError(`${file} is not in a format Shelfmark reads (MARC21, MARCXML, CSV with a header row, JSON or NDJSON); if you are sure of its format, name it with --format`);
  }
  const stream: ReadStream = createReadStream(file, { highWaterMark: 1 << 20 });
  return { format, size: info.size, items: guard(READERS[format](stream, file), file, format), bytesRead: () => stream.bytesRead };
}

/** Import one file; throws UnreadableFileError when not a single record could be read from it. */
export async function importFile(file: string, store: Pick<Store, 'records'>, observer: ImportObserver = {}, forced?: ImportFormat): Promise<{ format: ImportFormat; counts: ImportCounts }> {
  const opened = await openFile(file, forced);
  const counts = await importItems(opened.items, store, observer);
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
