import type { AnyBulkWriteOperation, BulkWriteResult } from 'mongodb';
import type { CatalogueRecord } from '../../catalogue/record.js';
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
