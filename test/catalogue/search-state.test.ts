import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SearchState } from '../../src/catalogue/search-state.js';
import { buildStoreQuery } from '../../src/catalogue/search-steps.js';

const parse = (qs: string) => SearchState.parse(new URLSearchParams(qs));

describe('SearchState', () => {
  it('keeps only what it knows: q, filters, sort, page and page size', () => {
    const state = parse('q=emma&f=mediaType:book&f=bogus:x&sort=title&page=3&per=50&evil=1');
    assert.equal(state.toQuery(), 'q=emma&f=mediaType%3Abook&sort=title&per=50&page=3');
  });

  it('starts again at page 1 when a filter, sort or page size changes', () => {
    const state = parse('q=emma&page=4');
    assert.equal(state.withFilter('language', 'fre').page, 1);
    assert.equal(state.withSort('newest').page, 1);
    assert.equal(state.withPerPage(50).page, 1);
    assert.equal(state.withPage(5).page, 5);
  });

  it('returns new states and never changes the old one', () => {
    const state = parse('q=emma');
    const filtered = state.withFilter('branch', 'Central');
    assert.equal(state.filters.length, 0);
    assert.equal(filtered.withoutFilter('branch', 'Central').href(), '/search?q=emma');
  });

  it('adds the same filter only once', () => {
    assert.equal(parse('f=decade:1990&f=decade:1990').filters.length, 1);
    assert.equal(parse('f=decade:1990').withFilter('decade', '1990').filters.length, 1);
  });

  it('keeps filter values that contain a colon', () => {
    assert.deepEqual(parse('f=subject:History: a survey').filters, [{ field: 'subject', value: 'History: a survey' }]);
  });
});

describe('building the store query', () => {
  it('pages from the state', () => {
    const query = buildStoreQuery(parse('q=emma&page=3&per=10'));
    assert.equal(query.offset, 20);
    assert.equal(query.limit, 10);
  });

  it('browses newest first when there are no words to rank by', () => {
    assert.equal(buildStoreQuery(parse('')).sort, 'newest');
    assert.equal(buildStoreQuery(parse('q=emma')).sort, 'relevance');
    assert.equal(buildStoreQuery(parse('sort=title')).sort, 'title');
  });
});
