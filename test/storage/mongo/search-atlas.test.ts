import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ATLAS_INDEX_DEFINITION, ATLAS_INDEX_NAME, atlasMetaPipeline, atlasOperator, atlasSearchPipeline, readAtlasMeta,
} from '../../../src/storage/mongo/search-atlas.js';
import { clause, query } from '../contract/helpers.js';

const ALL_PATHS = ['title', 'author', 'subject', 'series', 'isbn', 'notes', 'alt'].map((c) => `_p.${c}`);

// mingo cannot run $search; these check the built stages against the documented syntax
// (MongoDB Search docs: compound, text, phrase, in, facet with string facets, count, sort).
describe('MongoDB Search (MONGODB_SEARCH=atlas) pipelines, by shape', () => {
  it('puts every word and phrase in compound.must and the facet filters in compound.filter', () => {
    const q = query({
      clauses: [clause('Brontë'), clause('jane', 'title'), clause('an autobiography', 'any', true)],
      filters: [{ field: 'language', value: 'eng' }, { field: 'language', value: 'fre' }, { field: '$where' as never, value: 'x' }],
    });
    assert.deepEqual(atlasOperator(q), {
      compound: {
        must: [
          { text: { query: 'bronte', path: ALL_PATHS } },
          { text: { query: 'jane', path: ['_p.title'] } },
          { phrase: { query: 'an autobiography', path: ALL_PATHS } },
        ],
        filter: [{ in: { path: '_f.language', value: ['eng', 'fre'] } }],
      },
    });
    assert.equal(atlasOperator(query({ clauses: [clause('*')] })), null);
  });

  it('puts excluded clauses in compound.mustNot, OR terms in a should of which one must match, and word forms in one text query', () => {
    const q = query({
      clauses: [
        { ...clause('hobbits'), forms: ['hobbit', 'hobbits'] },
        { ...clause('gruffalo'), or: [clause('zog', 'title')] },
        { ...clause('emma'), exclude: true },
      ],
    });
    assert.deepEqual(atlasOperator(q), {
      compound: {
        must: [
          { text: { query: ['hobbits', 'hobbit'], path: ALL_PATHS } },
          { compound: { should: [{ text: { query: 'gruffalo', path: ALL_PATHS } }, { text: { query: 'zog', path: ['_p.title'] } }], minimumShouldMatch: 1 } },
        ],
        mustNot: [{ text: { query: 'emma', path: ALL_PATHS } }],
      },
    });
    assert.equal(atlasOperator(query({ clauses: [{ ...clause('emma'), exclude: true }] })), null);
  });

  it('ranks by BM25 for relevance and uses the sort option otherwise, returning ids only', () => {
    const operator = atlasOperator(query({ clauses: [clause('emma')] }))!;
    assert.deepEqual(atlasSearchPipeline(query({ offset: 40, limit: 20 }), operator), [
      { $search: { index: ATLAS_INDEX_NAME, ...operator } },
      { $skip: 40 },
      { $limit: 20 },
      { $project: { _id: 1 } },
    ]);
    const [search] = atlasSearchPipeline(query({ sort: 'title' }), operator);
    assert.deepEqual(search!.$search.sort, { '_k.title': 1, _id: 1 });
  });

  it('asks $searchMeta for a lower-bound count at the cap and one string facet per field', () => {
    const operator = atlasOperator(query({ clauses: [clause('emma')] }))!;
    const [stage] = atlasMetaPipeline(query({ facetLimit: 5000 }), operator);
    assert.deepEqual(Object.keys(stage!), ['$searchMeta']);
    assert.equal(stage!.$searchMeta.index, ATLAS_INDEX_NAME);
    assert.deepEqual(stage!.$searchMeta.count, { type: 'lowerBound', threshold: 10_000 });
    assert.deepEqual(stage!.$searchMeta.facet.operator, operator);
    assert.deepEqual(stage!.$searchMeta.facet.facets.branch, { type: 'string', path: '_f.branch', numBuckets: 1000 });
    assert.equal(Object.keys(stage!.$searchMeta.facet.facets).length, 7);
  });

  it('reads the $searchMeta document: count, buckets, and "more than" past the cap', () => {
    const meta = { count: { lowerBound: 3 }, facet: { branch: { buckets: [{ _id: 'Central', count: 2 }] } } };
    const read = readAtlasMeta(meta, 10);
    assert.equal(read.total, 3);
    assert.equal(read.totalIsLowerBound, undefined);
    assert.deepEqual(read.facets.branch, [{ value: 'Central', count: 2 }]);
    assert.deepEqual(read.facets.language, []);
    assert.deepEqual(readAtlasMeta({ count: { lowerBound: 12_000 } }, 10).totalIsLowerBound, true);
    assert.equal(readAtlasMeta({ count: { lowerBound: 12_000 } }, 10).total, 10_000);
  });

  it('indexes the search copy with the whitespace analyzer and facet values as tokens', () => {
    assert.equal(ATLAS_INDEX_DEFINITION.analyzer, 'lucene.whitespace');
    assert.equal(ATLAS_INDEX_DEFINITION.mappings.dynamic, false);
    assert.deepEqual(Object.keys(ATLAS_INDEX_DEFINITION.mappings.fields._p.fields), ALL_PATHS.map((p) => p.slice(3)));
    assert.deepEqual(ATLAS_INDEX_DEFINITION.mappings.fields._f.fields.language, { type: 'token' });
  });
});
