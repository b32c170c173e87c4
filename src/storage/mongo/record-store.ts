import type { Db, IndexDescription } from 'mongodb';
import { FACET_FIELDS } from '../../catalogue/search-query.js';
import { FTS_COLUMNS } from '../search-columns.js';
import type { RecordStore } from '../store.js';
import type { RecordDocument } from './record-document.js';
import { emptyResult, readSearchResult, searchPipeline } from './search-pipeline.js';
import { upsertCounts, upsertOps } from './upsert-ops.js';

/**
 * Indexes on `records`. The text index covers the folded search copy, not
 * the raw fields, so `$text` sees the same tokens the `$all` filters test
 * (ISBN digits included) and only ever finds a superset of the true matches;
 * weights are the embedded store's bm25 weights, and `default_language:
 * 'none'` turns off stemming and stop words.
 */
export const RECORD_INDEXES: IndexDescription[] = [
  {
    name: 'records_text',
    key: Object.fromEntries(FTS_COLUMNS.map((c) => [`_p.${c.name}`, 'text'])),
    weights: Object.fromEntries(FTS_COLUMNS.map((c) => [`_p.${c.name}`, c.weight])),
    default_language: 'none',
  },
  { name: 'records_isbn', key: { '_s.isbn': 1 } },
  ...FACET_FIELDS.map((field): IndexDescription => ({ name: `records_facet_${field}`, key: { [`_f.${field}`]: 1 } })),
  { name: 'records_newest', key: { '_k.noYear': 1, '_k.year': -1, _id: 1 } },
  { name: 'records_oldest', key: { '_k.noYear': 1, '_k.year': 1, _id: 1 } },
  { name: 'records_title', key: { '_k.title': 1, _id: 1 } },
  { name: 'records_author', key: { '_k.author': 1, _id: 1 } },
];

/** The catalogue on MongoDB: each method is one or two driver calls. */
export function createRecordStore(db: Db): RecordStore {
  const records = db.collection<RecordDocument>('records');
  return {
    async upsertMany(list) {
      if (list.length === 0) return { added: 0, updated: 0, unchanged: 0 };
      return upsertCounts(await records.bulkWrite(upsertOps(list), { ordered: false }));
    },
    async get(id) {
      const doc = await records.findOne({ _id: id }, { projection: { r: 1 } });
      return doc?.r ?? null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const docs = await records.find({ _id: { $in: ids } }, { projection: { r: 1 } }).toArray();
      const byId = new Map(docs.map((doc) => [doc._id, doc.r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async search(query) {
      const pipeline = searchPipeline(query);
      if (!pipeline) return emptyResult();
      const [output] = await records.aggregate(pipeline, { allowDiskUse: true }).toArray();
      return readSearchResult(output);
    },
    async count() {
      return records.countDocuments();
    },
    async clear() {
      await records.deleteMany({});
    },
  };
}
