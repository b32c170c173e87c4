import { createBranchRegistry, type BranchRegistry } from '../branches/branch-registry.js';
import type { CatalogueRecord } from '../model/record.js';
import type { BatchWriter, Store, UpsertCounts } from '../storage/store.js';
import { assignBranches, type UnmappedLocations } from './assign-branches.js';
import type { HoldingsItem, PreparableItems, ReadItem, SourcePosition } from './types.js';
import { emptyCounts, type ImportCounts } from '../storage/import-run-store.js';
import { forgetRow, rememberRow, rowOf, type RecordRow } from '../storage/embedded/record-rows.js';

/** A rejected record, or a warning about one that was kept, as the importer reports it. */
export type ImportProblemEvent =
  | Extract<ReadItem, { ok: false }>
  | { kind: 'warning'; position: SourcePosition; id?: string; message: string };

/** What the importer tells its caller as it goes. */
export interface ImportObserver {
  /** After each committed batch. */
  onBatch?(counts: ImportCounts): void;
  /** Each rejected record, and each warning about a kept one. */
  onProblem?(problem: ImportProblemEvent): void;
}

/** The library's branches, and where the import notes the locations they did not cover. */
export interface ImportPlaces {
  branches: BranchRegistry;
  unmapped: UnmappedLocations;
}

const NO_BRANCHES = createBranchRegistry([]);

/** Without the library's registry every location is unknown: copies go under "Other locations". */
export function noBranches(): ImportPlaces {
  return { branches: NO_BRANCHES, unmapped: new Map() };
}

/**
 * Records per transaction: big enough to amortise the commit (each commit
 * rewrites every index page the batch touched: at 1,000 a batch, commits were
 * half of an import's time), small enough that a kill loses little.
 */
export const BATCH_SIZE = 5000;

/**
 * Records per write when the store takes a batch in parts (batchWriter: the
 * embedded store, loading an empty catalogue): the reading thread's message.
 * Each part is written as it arrives, so its rows are garbage before the next
 * arrives; held until the batch was whole, they were copied by every
 * young-generation collection meanwhile (100k MARC21 import: those
 * collections 0.70 s of the writing thread, 0.44 s in parts).
 */
export const PART_SIZE = 500;

/**
 * Upsert every good record in batches, each batch one store transaction, so a
 * run killed halfway leaves whole batches and a re-run completes the job.
 * Within a batch (within a part, when the store takes it in parts) a later
 * record with the same id replaces an earlier one. Copies get their branch
 * from the registry; copies from separate holdings records join the record
 * they belong to, in this batch or in the store.
 */
export async function importItems(items: AsyncIterable<ReadItem>, store: Pick<Store, 'records'>, observer: ImportObserver = {}, counts = emptyCounts(), places = noBranches()): Promise<ImportCounts> {
  const writer = store.records.upsertRows ? store.records.batchWriter?.() : undefined;
  // Nothing of a batch not committed is kept, or counted.
  const run = () => importAll(items, store, observer, counts, places, writer).catch((error: unknown) => {
    writer?.rollback();
    throw error;
  });
  return store.records.bulkLoad ? store.records.bulkLoad(run) : run();
}

/**
 * A record waiting in a batch: the record, or, for a store that takes rows
 * (upsertRows), the whole row the reading thread made for it, which is never
 * parsed back into a record unless a holdings record changes it.
 */
type Pending = { record: CatalogueRecord; row?: undefined } | { row: RecordRow; record?: undefined };

/** The record of a pending row, parsed from its stored document (canonical JSON of the record). */
function recordOf(pending: Pending): CatalogueRecord {
  if (pending.record) return pending.record;
  const record = JSON.parse(pending.row.doc) as CatalogueRecord;
  rememberRow(record, pending.row);
  return record;
}

async function importAll(items: AsyncIterable<ReadItem>, store: Pick<Store, 'records'>, observer: ImportObserver, counts: ImportCounts, places: ImportPlaces, writer: BatchWriter | undefined): Promise<ImportCounts> {
  let batch = new Map<string, Pending>();
  const takesRows = store.records.upsertRows !== undefined;
  const partSize = writer ? PART_SIZE : BATCH_SIZE;
  // What the open batch has written: counted once it is committed.
  let inBatch = 0;
  let uncommitted: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
  const warn = (position: SourcePosition, id: string | undefined, message: string) => {
    counts.warnings++;
    observer.onProblem?.({ kind: 'warning', position, message, ...(id ? { id } : {}) });
  };
  // Items read on another thread are prepared there: branches given, and stored documents or whole rows worked out.
  (items as Partial<PreparableItems>).prepareFor?.(places.branches);
  const commit = () => {
    writer?.commit();
    addUpserts(counts, uncommitted);
    uncommitted = { added: 0, updated: 0, unchanged: 0 };
    inBatch = 0;
    observer.onBatch?.(counts);
  };
  const flush = async () => {
    if (!batch.size) return;
    const pending = [...batch.values()];
    const rows = () => pending.map((p) => p.row ?? rowOf(p.record));
    const result = writer
      ? writer.write(rows())
      : takesRows ? await store.records.upsertRows!(rows()) : await store.records.upsertMany(pending.map(recordOf));
    batch = new Map();
    addUpserts(uncommitted, result);
    inBatch += pending.length;
    if (inBatch >= BATCH_SIZE) commit();
  };
  for await (const item of items) {
    counts.read++;
    if (item.ok === false) {
      counts.rejected++;
      observer.onProblem?.(item);
      continue;
    }
    if (item.ok === 'holdings') {
      const target = await holdingsTarget(item, batch, store);
      if (!target) {
        counts.rejected++;
        observer.onProblem?.({ ok: false, position: item.position, reason: `holdings record for record ${item.link} (its 004), which is neither in this file nor in the catalogue; its ${item.holdings.length} ${item.holdings.length === 1 ? 'copy was' : 'copies were'} not imported`, ...(item.id ? { id: item.id } : {}) });
        continue;
      }
      for (const message of item.warnings) warn(item.position, item.id, `holdings record for ${target.id}: ${message}`);
      assignBranches(item.holdings, places.branches, places.unmapped);
      forgetRow(target); // its copies change
      const replaced = new Set(item.holdings.map((h) => h.itemId));
      target.holdings = [...target.holdings.filter((h) => !replaced.has(h.itemId)), ...item.holdings];
      batch.set(target.id, { record: target });
    } else {
      counts.read += item.joinedHoldings ?? 0;
      const { prepared } = item;
      // A whole row is all a store that takes rows needs: the record is not even parsed (packed-rows.ts).
      const pending: Pending = takesRows && prepared && typeof prepared.row !== 'string' ? { row: prepared.row } : { record: item.record };
      const id = pending.row?.id ?? item.record.id;
      for (const message of item.warnings) warn(item.position, id, message);
      if (prepared) {
        for (const [location, copies] of prepared.unmapped) places.unmapped.set(location, (places.unmapped.get(location) ?? 0) + copies);
        if (pending.record) rememberRow(pending.record, prepared.row);
      } else {
        assignBranches(item.record.holdings, places.branches, places.unmapped);
      }
      if (batch.has(id)) {
        counts.duplicates++;
        warn(item.position, id, `same id "${id}" as an earlier record nearby; this one replaces it`);
        batch.delete(id); // re-insert so the Map keeps file order
      }
      batch.set(id, pending);
    }
    if (batch.size >= partSize) await flush();
  }
  await flush();
  if (inBatch > 0) commit();
  return counts;
}

/** Add a write's counts to a running total. */
function addUpserts(into: UpsertCounts, from: UpsertCounts): void {
  into.added += from.added;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
}

/** The record a holdings item belongs to: in the batch being built, else in the store. */
async function holdingsTarget(item: HoldingsItem, batch: Map<string, Pending>, store: Pick<Store, 'records'>): Promise<CatalogueRecord | undefined> {
  for (const id of item.targetIds) {
    const pending = batch.get(id);
    if (pending) return recordOf(pending);
  }
  for (const id of item.targetIds) {
    const stored = await store.records.get(id);
    if (stored) return stored;
  }
  return undefined;
}
