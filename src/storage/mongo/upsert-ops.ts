import type { AnyBulkWriteOperation, BulkWriteResult, MongoBulkWriteError } from 'mongodb';
import type { CatalogueRecord } from '../../model/record.js';
import type { UpsertCounts } from '../store.js';
import { toRecordDocument, type RecordDocument } from './record-document.js';

/** One unordered upsert per record: replace by id, insert when new. */
export function upsertOps(records: CatalogueRecord[]): AnyBulkWriteOperation<RecordDocument>[] {
  return records.map((record) => {
    const doc = toRecordDocument(record);
    return { replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } };
  });
}

/**
 * Import counts from the server's own answer. A replacement whose bytes equal
 * the stored document is matched but not modified (see toRecordDocument),
 * so matched minus modified is exactly the unchanged records.
 */
export function upsertCounts(result: Pick<BulkWriteResult, 'upsertedCount' | 'matchedCount' | 'modifiedCount'>): UpsertCounts {
  return {
    added: result.upsertedCount,
    updated: result.modifiedCount,
    unchanged: result.matchedCount - result.modifiedCount,
  };
}

/** Some records of a batch could not be written; `counts` says exactly what the others did. */
export class UpsertIncomplete extends Error {
  override name = 'UpsertIncomplete';
  constructor(
    readonly counts: UpsertCounts,
    readonly failed: Array<{ id: string; reason: string }>,
  ) {
    super(
      `${failed.length} record(s) could not be written (first: ${failed[0]?.id}: ${failed[0]?.reason}); ` +
        `the rest were: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    );
  }
}

/**
 * An unordered bulkWrite goes on after a failed write, and its error carries
 * the result of every write that landed (`result`) and one entry per failure
 * (`writeErrors`, with the index of the operation). Both are read, so no
 * count is lost and every failed record is named.
 */
export function incompleteUpsert(error: MongoBulkWriteError, records: CatalogueRecord[]): UpsertIncomplete {
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const failed = writeErrors.map((e) => ({ id: records[e.index]?.id ?? `#${e.index}`, reason: e.errmsg ?? `code ${e.code}` }));
  return new UpsertIncomplete(upsertCounts(error.result), failed);
}
