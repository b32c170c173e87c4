import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clauseFilter, facetFilter, phraseRegex } from '../../../src/storage/mongo/search-filter.js';
import { readSearchResult, searchPipeline, sortSpec } from '../../../src/storage/mongo/search-pipeline.js';
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
    assert.equal(searchPipeline(query({ clauses: [clause('*')] })), null);
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

  it('builds one aggregation: match, score, then total, page and facets in one $facet', () => {
    const pipeline = searchPipeline(query({
      clauses: [clause('emma')], filters: [{ field: 'mediaType', value: 'book' }], offset: 20, limit: 10, facetLimit: 5,
    }));
    assert.deepEqual(pipeline, [
      { $match: { '_f.mediaType': { $in: ['book'] }, $text: { $search: 'emma' }, $and: [{ '_s.any': { $all: ['emma'] } }] } },
      { $addFields: { _score: { $meta: 'textScore' } } },
      {
        $facet: {
          total: [{ $count: 'n' }],
          page: [{ $sort: { _score: -1, _id: 1 } }, { $skip: 20 }, { $limit: 10 }, { $project: { _id: 0, r: 1 } }],
          mediaType: facetStages('mediaType', 5), language: facetStages('language', 5), decade: facetStages('decade', 5),
          author: facetStages('author', 5), subject: facetStages('subject', 5), branch: facetStages('branch', 5),
          available: facetStages('available', 5),
        },
      },
    ]);
  });

  it('browses without $text, newest first, and leaves out a page or facets that were not asked for', () => {
    assert.deepEqual(searchPipeline(query({ sort: 'relevance', limit: 0, facetLimit: 0 })), [
      { $match: {} },
      { $facet: { total: [{ $count: 'n' }] } },
    ]);
    const [, facet] = searchPipeline(query({ sort: 'oldest', facetLimit: 0 }))!;
    assert.deepEqual(facet, { $facet: { total: [{ $count: 'n' }], page: [{ $sort: { '_k.noYear': 1, '_k.year': 1, _id: 1 } }, { $limit: 50 }, { $project: { _id: 0, r: 1 } }] } });
  });

  it('falls back to newest for an order it does not know, even a name every object has', () => {
    assert.deepEqual(sortSpec('constructor' as never, false), { '_k.noYear': 1, '_k.year': -1, _id: 1 });
    assert.deepEqual(sortSpec('relevance', false), sortSpec('newest', true));
    assert.deepEqual(sortSpec('author', true), { '_k.author': 1, _id: 1 });
  });

  it('reads the $facet output, with every facet present even when empty', () => {
    const result = readSearchResult({ total: [{ n: 7 }], page: [{ r: { id: 'a' } }], branch: [{ _id: 'Central', count: 7 }] });
    assert.equal(result.total, 7);
    assert.deepEqual(result.records, [{ id: 'a' }]);
    assert.deepEqual(result.facets.branch, [{ value: 'Central', count: 7 }]);
    assert.deepEqual(result.facets.mediaType, []);
    assert.equal(readSearchResult({ total: [] }).total, 0);
  });
});
