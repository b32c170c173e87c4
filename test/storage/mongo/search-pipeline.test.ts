import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clauseFilter, facetFilter, phraseRegex } from '../../../src/storage/mongo/search-filter.js';
import { facetPipeline, pageQuery, readFacets, sampledMatches, sampleFacetPipeline, searchPlan, sortSpec } from '../../../src/storage/mongo/search-pipeline.js';
import { clause, query } from '../contract/helpers.js';

const facetStages = (field: string, limit: number) => [
  { $unwind: `$_f.${field}` },
  { $group: { _id: `$_f.${field}`, count: { $sum: 1 } } },
  { $sort: { count: -1, _id: 1 } },
  { $limit: limit },
];

describe('MongoDB search query builders', () => {
  it('turns words, a field word and a phrase into one $text search and token filters', () => {
    const built = clauseFilter([clause('Brontë'), clause('jane', 'title'), clause('an autobiography', 'any', true)]);
    assert.deepEqual(built, {
      filter: {
        $and: [
          { '_s.any': { $all: ['bronte'] } },
          { '_s.title': { $all: ['jane'] } },
          { $or: ['title', 'author', 'subject', 'series', 'isbn', 'notes', 'alt'].map((c) => ({ [`_p.${c}`]: /(?:^| )an autobiography(?: |$)/ })) },
        ],
      },
      words: ['bronte', 'jane', 'an', 'autobiography'],
    });
  });

  it('matches nothing when no clause has a letter or digit', () => {
    assert.equal(clauseFilter([clause('" * - \u0301')]), null);
  });

  it('escapes every regular-expression metacharacter in a phrase', () => {
    const regex = phraseRegex(['a.b', '(c)*', '$^|?+[]{}\\/-']);
    assert.ok(regex.test('x a.b (c)* $^|?+[]{}\\/- y'));
    assert.ok(!regex.test('x aXb (c)* $^|?+[]{}\\/- y'));
  });

  it('ORs values of one facet field and ANDs fields, ignoring unknown fields', () => {
    const filters = [
      { field: 'language', value: 'fre' }, { field: 'language', value: 'ger' }, { field: 'available', value: 'yes' },
      { field: '$where', value: 'sleep(1000)' },
    ] as never;
    assert.deepEqual(facetFilter(filters), { '_f.language': { $in: ['fre', 'ger'] }, '_f.available': { $in: ['yes'] } });
  });

  it('asks for the page as find().sort().limit() on a sort index, ids only; $text and its score only for relevance', () => {
    const q = query({ clauses: [clause('emma')], filters: [{ field: 'mediaType', value: 'book' }], offset: 20, limit: 10 });
    const plan = searchPlan(q)!;
    assert.deepEqual(plan.match, { '_f.mediaType': { $in: ['book'] }, $and: [{ '_s.any': { $all: ['emma'] } }] });
    assert.deepEqual(pageQuery(plan, q), {
      filter: { ...plan.match, $text: { $search: 'emma' } },
      options: { sort: { _score: { $meta: 'textScore' }, _id: 1 }, projection: { _id: 1, _score: { $meta: 'textScore' } }, skip: 20, limit: 10 },
    });
    assert.deepEqual(pageQuery(plan, { ...q, sort: 'title' }), {
      filter: plan.match,
      options: { sort: { '_k.title': 1, _id: 1 }, projection: { _id: 1 }, skip: 20, limit: 10 },
    });
  });

  it('calls a query with no clauses and no filters a browse, which whole-catalogue counts serve', () => {
    assert.deepEqual(searchPlan(query()), { match: {}, words: [], browse: true });
    assert.equal(searchPlan(query({ filters: [{ field: 'language', value: 'fre' }] }))!.browse, false);
    assert.equal(searchPlan(query({ clauses: [clause('*')] })), null);
  });

  it('counts facets over the match set carrying only _f, and samples the catalogue first for an estimate', () => {
    const match = { '_f.language': { $in: ['fre'] } };
    const [first, second, third] = facetPipeline(match, 5);
    assert.deepEqual([first, second], [{ $match: match }, { $project: { _id: 0, _f: 1 } }]);
    assert.deepEqual(third!.$facet.language, facetStages('language', 5));
    assert.deepEqual(Object.keys(third!.$facet), ['mediaType', 'language', 'decade', 'author', 'subject', 'branch', 'available']);
    const sampled = sampleFacetPipeline(match, 5, 300);
    assert.deepEqual(sampled.slice(0, 3), [{ $sample: { size: 300 } }, { $match: match }, { $project: { _id: 0, _f: 1 } }]);
    assert.deepEqual(sampled[3]!.$facet.n, [{ $count: 'n' }]);
  });
  it('falls back to newest for an order it does not know, even a name every object has', () => {
    assert.deepEqual(sortSpec('constructor' as never, false), { '_k.noYear': 1, '_k.year': -1, _id: 1 });
    assert.deepEqual(sortSpec('relevance', false), sortSpec('newest', true));
    assert.deepEqual(sortSpec('author', true), { '_k.author': 1, _id: 1 });
  });

  it('reads the $facet output, with every facet present even when empty, and scales sample counts', () => {
    const facets = readFacets({ branch: [{ _id: 'Central', count: 7 }] });
    assert.deepEqual(facets.branch, [{ value: 'Central', count: 7 }]);
    assert.deepEqual(facets.mediaType, []);
    assert.deepEqual(readFacets({ branch: [{ _id: 'Central', count: 7 }] }, 200).branch, [{ value: 'Central', count: 1400 }]);
    assert.equal(sampledMatches({ n: [{ n: 12 }] }), 12);
    assert.equal(sampledMatches({ n: [] }), 0);
  });
});
