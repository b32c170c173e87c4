import { MongoBulkWriteError, type Db, type Document, type IndexDescription } from 'mongodb';
import { FACET_FIELDS, type FacetCount, type FacetField, type StoreSearchQuery, type StoreSearchResult } from '../../model/search-query.js';
import { FTS_COLUMNS } from '../search-columns.js';
import type { RecordStore } from '../store.js';
import type { RecordDocument } from './record-document.js';
import { ATLAS_INDEX_DEFINITION, ATLAS_INDEX_NAME, atlasMetaPipeline, atlasOperator, atlasSearchPipeline, readAtlasMeta } from './search-atlas.js';
import {
  emptyResult, FACET_SAMPLE, facetPipeline, pageQuery, readFacets, sampledMatches, sampleFacetPipeline, searchPlan, TOTAL_CAP, type SearchPlan,
} from './search-pipeline.js';
import { vocabularyPipeline } from './search-vocabulary.js';
import { incompleteUpsert, upsertCounts, upsertOps } from './upsert-ops.js';

/**
 * Indexes on `records`. The text index covers the folded search copy, not
 * the raw fields, so `$text` sees the same tokens the `$all` filters test and
 * only ever finds a superset of the true matches; weights are the embedded
 * store's bm25 weights, and `default_language: 'none'` turns off stemming and
 * stop words. `_s.any` lets a word narrow a search sorted by anything but
 * relevance; each sort order has an index of its own keys.
 */
export const RECORD_INDEXES: IndexDescription[] = [
  {
    name: 'records_text',
    key: Object.fromEntries(FTS_COLUMNS.map((c) => [`_p.${c.name}`, 'text'])),
    weights: Object.fromEntries(FTS_COLUMNS.map((c) => [`_p.${c.name}`, c.weight])),
    default_language: 'none',
  },
  { name: 'records_words', key: { '_s.any': 1 } },
  { name: 'records_isbn', key: { '_s.isbn': 1 } },
  ...FACET_FIELDS.map((field): IndexDescription => ({ name: `records_facet_${field}`, key: { [`_f.${field}`]: 1 } })),
  { name: 'records_newest', key: { '_k.noYear': 1, '_k.year': -1, _id: 1 } },
  { name: 'records_oldest', key: { '_k.noYear': 1, '_k.year': 1, _id: 1 } },
  { name: 'records_title', key: { '_k.title': 1, _id: 1 } },
  { name: 'records_author', key: { '_k.author': 1, _id: 1 } },
];

/** Which search runs the text part: MongoDB Search (`$search`) or the `$text` index. */
export type SearchEngine = 'text' | 'atlas';

type Facets = Record<FacetField, FacetCount[]>;

/**
 * The catalogue on MongoDB. A search is separate driver calls, each bounded:
 * ids of the page from `find().sort().limit()`, the page's documents by id,
 * a count that stops at TOTAL_CAP, and facets counted exactly when the match
 * set is under the cap, taken from whole-catalogue counts when nothing
 * narrows it, and estimated from a `$sample` (and labelled so) otherwise.
 */
export function createRecordStore(db: Db, engine: SearchEngine = 'text'): RecordStore {
  const records = db.collection<RecordDocument>('records');
  const meta = db.collection<{ _id: string; version: number }>('catalogueMeta');
  // Whole-catalogue facet counts, valid for one catalogue version; one entry per facet limit.
  let cached: { version: number; byLimit: Map<number, Promise<Facets>> } = { version: -1, byLimit: new Map() };

  const bumpVersion = () => meta.updateOne({ _id: 'catalogue' }, { $inc: { version: 1 } }, { upsert: true });
  const version = async () => (await meta.findOne({ _id: 'catalogue' }))?.version ?? 0;

  async function pageRecords(ids: string[]) {
    if (ids.length === 0) return [];
    const docs = await records.find({ _id: { $in: ids } }, { projection: { r: 1 } }).toArray();
    const byId = new Map(docs.map((doc) => [doc._id, doc.r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async function catalogueFacets(facetLimit: number): Promise<Facets> {
    const now = await version();
    if (cached.version !== now) cached = { version: now, byLimit: new Map() };
    let facets = cached.byLimit.get(facetLimit);
    if (!facets) {
      facets = records.aggregate(facetPipeline({}, facetLimit), { allowDiskUse: true }).toArray().then(([output]) => readFacets(output));
      facets.catch(() => cached.byLimit.delete(facetLimit));
      cached.byLimit.set(facetLimit, facets);
    }
    return facets;
  }

  async function facetsOf(plan: SearchPlan, capped: boolean, facetLimit: number): Promise<Pick<StoreSearchResult, 'facets' | 'facetsEstimated'>> {
    if (facetLimit <= 0) return { facets: emptyResult().facets };
    if (plan.browse) return { facets: await catalogueFacets(facetLimit) };
    if (!capped) return { facets: readFacets((await records.aggregate(facetPipeline(plan.match, facetLimit)).toArray())[0]) };
    const [output] = await records.aggregate(sampleFacetPipeline(plan.match, facetLimit)).toArray();
    const size = await records.estimatedDocumentCount();
    // Each sampled record stands for `size / sample` records of the catalogue.
    const scale = size / Math.max(1, Math.min(size, FACET_SAMPLE));
    return { facets: sampledMatches(output) > 0 ? readFacets(output, scale) : emptyResult().facets, facetsEstimated: true };
  }

  async function textSearch(query: StoreSearchQuery, plan: SearchPlan): Promise<StoreSearchResult> {
    const { filter, options } = pageQuery(plan, query);
    const [ids, counted] = await Promise.all([
      options.limit ? records.find(filter, options).map((d) => d._id).toArray() : Promise.resolve([]),
      plan.browse ? records.estimatedDocumentCount() : records.countDocuments(plan.match, { limit: TOTAL_CAP + 1 }),
    ]);
    const capped = counted > TOTAL_CAP;
    const total = Math.min(counted, TOTAL_CAP);
    const [page, facets] = await Promise.all([pageRecords(ids), facetsOf(plan, capped && !plan.browse, query.facetLimit)]);
    return { total: plan.browse ? counted : total, ...(capped && !plan.browse ? { totalIsLowerBound: true } : {}), records: page, ...facets };
  }

  async function atlasSearch(query: StoreSearchQuery, operator: Document): Promise<StoreSearchResult> {
    const [hits, [meta]] = await Promise.all([
      query.limit > 0 ? records.aggregate<{ _id: string }>(atlasSearchPipeline(query, operator)).toArray() : Promise.resolve([]),
      records.aggregate(atlasMetaPipeline(query, operator)).toArray(),
    ]);
    return { ...readAtlasMeta(meta, query.facetLimit), records: await pageRecords(hits.map((h) => h._id)) };
  }

  return {
    async upsertMany(list) {
      if (list.length === 0) return { added: 0, updated: 0, unchanged: 0 };
      try {
        const counts = upsertCounts(await records.bulkWrite(upsertOps(list), { ordered: false }));
        if (counts.added + counts.updated > 0) await bumpVersion();
        return counts;
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        await bumpVersion();
        throw incompleteUpsert(error, list);
      }
    },
    async get(id) {
      const doc = await records.findOne({ _id: id }, { projection: { r: 1 } });
      return doc?.r ?? null;
    },
    getMany: pageRecords,
    async search(query) {
      const plan = searchPlan(query);
      if (!plan) return emptyResult();
      const operator = engine === 'atlas' && plan.words.length > 0 ? atlasOperator(query) : null;
      return operator ? atlasSearch(query, operator) : textSearch(query, plan);
    },
    async vocabulary(prefix, limit) {
      if (!prefix) return [];
      const rows = await records.aggregate<{ _id: string; docs: number }>(vocabularyPipeline(prefix, limit)).toArray();
      return rows.map((row) => ({ term: row._id, docs: row.docs }));
    },
    async count() {
      return records.estimatedDocumentCount();
    },
    async version() {
      return String(await version());
    },
    async clear() {
      // Dropping is one metadata operation where deleteMany removes a million documents one by one; the indexes come back at once.
      await records.drop().catch((error: { codeName?: string }) => {
        if (error.codeName !== 'NamespaceNotFound') throw error;
      });
      await records.createIndexes(RECORD_INDEXES);
      if (engine === 'atlas') await records.createSearchIndex({ name: ATLAS_INDEX_NAME, definition: ATLAS_INDEX_DEFINITION });
      await bumpVersion();
    },
  };
}
