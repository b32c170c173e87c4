import { aggregate } from 'mingo';
import type { Document } from 'mongodb';
import type { CatalogueRecord } from '../../../src/catalogue/record.js';
import type { StoreSearchQuery, StoreSearchResult } from '../../../src/catalogue/search-query.js';
import { toRecordDocument } from '../../../src/storage/mongo/record-document.js';
import { emptyResult, readSearchResult, searchPipeline } from '../../../src/storage/mongo/search-pipeline.js';

/**
 * Runs the exact pipeline the adapter sends through mingo, a JavaScript
 * implementation of MongoDB's query and aggregation language, so its meaning
 * can be checked where no server runs. `$text` only narrows the match set to
 * a superset through the index and supplies the relevance score, which mingo
 * lacks; it is left out here, so relevance order is not checked this way.
 */
export function searchInMemory(records: CatalogueRecord[], query: StoreSearchQuery): StoreSearchResult {
  const pipeline = searchPipeline(query);
  if (!pipeline) return emptyResult();
  const withoutText = pipeline
    .filter((stage) => !('$addFields' in stage && '_score' in stage.$addFields))
    .map((stage) => ('$match' in stage ? { $match: omitText(stage.$match as Document) } : stage));
  const [output] = aggregate(records.map(toRecordDocument), withoutText) as Document[];
  return readSearchResult(output);
}

function omitText(match: Document): Document {
  const { $text: _text, ...rest } = match;
  return rest;
}
