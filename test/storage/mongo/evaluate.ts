import type { CatalogueRecord } from '../../../src/model/record.js';
import type { StoreSearchQuery, StoreSearchResult } from '../../../src/model/search-query.js';
import { toRecordDocument } from '../../../src/storage/mongo/record-document.js';
import { createRecordStore } from '../../../src/storage/mongo/record-store.js';
import { mingoDb, type MingoDb } from './mingo-db.js';

/** A mingo-backed `records` collection holding these records (see mingo-db.ts for what it is not). */
export function catalogueDb(records: CatalogueRecord[]): MingoDb {
  const mingo = mingoDb();
  mingo.data.set('records', records.map(toRecordDocument));
  return mingo;
}

/**
 * Runs the adapter's own search, every filter and pipeline it sends, through
 * mingo. `$text` only narrows the match set to a superset through the index
 * and supplies the relevance score, which mingo lacks; it is dropped there,
 * so relevance order is not checked this way.
 */
export function searchInMemory(records: CatalogueRecord[], query: StoreSearchQuery): Promise<StoreSearchResult> {
  return createRecordStore(catalogueDb(records).db).search(query);
}
