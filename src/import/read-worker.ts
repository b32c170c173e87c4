import { parentPort, workerData } from 'node:worker_threads';
import { readHere, type ReaderData, type ReaderMessage } from './import-file.js';
import { loadReader } from './readers.js';
import { BATCH_SIZE } from './import-items.js';
import type { ReadItem } from './types.js';
import { createBranchRegistry } from '../branches/branch-registry.js';
import { assignBranches } from './assign-branches.js';
import { canonicalJson } from '../storage/record-keys.js';
import { rowWith } from '../storage/embedded/record-rows.js';
import { RecordPacker } from './packed-rows.js';

/** Items per message: big enough that posting costs little per record. */
const ITEMS_PER_MESSAGE = 500;
/**
 * Messages sent but not yet taken: two import batches' worth, so the reader
 * keeps parsing while the importer writes a batch (with less, it waited for
 * the writes and they for it), and memory stays bounded.
 */
const AHEAD = Math.ceil((2 * BATCH_SIZE) / ITEMS_PER_MESSAGE);

const { file, format, prepare } = workerData as ReaderData;
const registry = prepare && createBranchRegistry([...prepare.branches]);
const port = parentPort!;
let credit = AHEAD;
let wake: (() => void) | null = null;
// The reading side asks for one more message each time it takes one.
port.on('message', () => {
  credit++;
  wake?.();
  wake = null;
});

const post = (message: ReaderMessage) => port.postMessage(message);
const { items, bytesRead } = readHere(file, format, await loadReader(format));
try {
  // Prepared records go packed (packed-rows.ts); the batch holds their index in the pack instead.
  const packer = new RecordPacker(file);
  let batch: Array<ReadItem | number> = [];
  /**
   * Whether this message's records get their whole row here, or only their
   * document (the writing thread works out the rest). Whole rows when the
   * writer has more than half the messages allowed ahead still to take:
   * then it is the slower side (at a million records, as its indexes grow),
   * and otherwise the reader is (at 100,000 it waited for the reader half
   * the time). Decided per message, it settles where neither waits long.
   */
  let wholeRows = false;
  const send = async () => {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    const packed = packer.take();
    post({ items: batch, ...(packed ? { packed } : {}), bytesRead: bytesRead() });
    batch = [];
  };
  for await (const item of items) {
    if (batch.length === 0) wholeRows = credit < AHEAD / 2;
    if (registry && item.ok === true) {
      // What importItems would do with the record on the writing thread, done here instead.
      const unmapped = new Map<string, number>();
      assignBranches(item.record.holdings, registry, unmapped);
      const doc = canonicalJson(item.record);
      item.prepared = { unmapped: [...unmapped], row: wholeRows ? rowWith(item.record, doc) : doc };
      const packed = packer.add(item);
      batch.push(packed < 0 ? item : packed);
    } else {
      batch.push(item);
    }
    if (batch.length === ITEMS_PER_MESSAGE) await send();
  }
  if (batch.length) await send();
  post({ done: true, bytesRead: bytesRead() });
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  post({ error: { name, message } });
}
port.removeAllListeners('message');
