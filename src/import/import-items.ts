import type { CatalogueRecord } from '../catalogue/record.js';
import type { Store } from '../storage/store.js';
import type { ReadItem } from './types.js';
import { emptyCounts, type ImportCounts } from '../storage/import-run-store.js';

/** What the importer tells its caller as it goes. */
export interface ImportObserver {
  /** After each committed batch. */
  onBatch?(counts: ImportCounts): void;
  /** Each rejected record, and each warning about a kept one. */
  onProblem?(item: Extract<ReadItem, { ok: false }> | { kind: 'warning'; item: Extract<ReadItem, { ok: true }>; message: string }): void;
}

/**
 * Records per transaction: big enough to amortise the commit (each commit
 * rewrites every index page the batch touched: at 1,000 a batch, commits were
 * half of an import's time), small enough that a kill loses little.
 */
export const BATCH_SIZE = 5000;

/**
 * Upsert every good record in batches, each batch one store transaction, so a
 * run killed halfway leaves whole batches and a re-run completes the job.
 * Within a batch a later record with the same id replaces an earlier one.
 */
export async function importItems(items: AsyncIterable<ReadItem>, store: Pick<Store, 'records'>, observer: ImportObserver = {}, counts = emptyCounts()): Promise<ImportCounts> {
  let batch = new Map<string, CatalogueRecord>();
  const flush = async () => {
    if (!batch.size) return;
    const result = await store.records.upsertMany([...batch.values()]);
    batch = new Map();
    counts.added += result.added;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    observer.onBatch?.(counts);
  };
  for await (const item of items) {
    counts.read++;
    if (!item.ok) {
      counts.rejected++;
      observer.onProblem?.(item);
      continue;
    }
    for (const message of item.warnings) {
      counts.warnings++;
      observer.onProblem?.({ kind: 'warning', item, message });
    }
    if (batch.has(item.record.id)) {
      counts.duplicates++;
      observer.onProblem?.({ kind: 'warning', item, message: `same id "${item.record.id}" as an earlier record nearby; this one replaces it` });
      batch.delete(item.record.id); // re-insert so the Map keeps file order
    }
    batch.set(item.record.id, item.record);
    if (batch.size >= BATCH_SIZE) await flush();
  }
  await flush();
  return counts;
}
