import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';

describe('result counts a store could not finish counting', () => {
  // The MongoDB adapter stops counting at 10,000 and estimates facets past it; no server runs here,
  // so the embedded store's real answer is marked the way that adapter marks it.
  it('says "more than" for a lower-bound total and "about" for estimated facet counts', async (t) => {
    const built = await build(t);
    const search = built.store.records.search.bind(built.store.records);
    built.store.records.search = async (query) => ({ ...(await search(query)), total: 10_000, totalIsLowerBound: true, facetsEstimated: true });
    const html = (await built.request().get('/search?q=austen&group=off')).text;
    assert.match(html, /id="result-count">Showing 1–\d+ of more than 10,000 results</);
    // Grouped, the page counts its works and says how many records they come from.
    const grouped = (await built.request().get('/search?q=austen')).text;
    assert.match(grouped, /id="result-count">Showing 1–2 of 2 results <span class="result-count__records">\(from the best 3 of more than 10,000 records/);
    assert.match(html, /these counts are estimates/);
    assert.match(html, /<span class="count">\(about \d+\)<\/span>/);
  });

  it('says the exact count otherwise, with no estimate note', async (t) => {
    const { request } = await build(t);
    const html = (await request().get('/search?q=austen&group=off')).text;
    assert.match(html, /id="result-count">Showing 1–3 of 3 results</);
    const grouped = (await request().get('/search?q=austen')).text;
    assert.match(grouped, /id="result-count">Showing 1–2 of 2 results <span class="result-count__records">\(3 records: editions of one title are one result\)/);
    assert.doesNotMatch(html, /estimates|about \d/);
  });
});
