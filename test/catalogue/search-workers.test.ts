import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../helpers/build.js';
import { makeRecord } from '../storage/fixtures.js';

const many = Array.from({ length: 3000 }, (_, i) => makeRecord({ id: `r${i}`, title: `Harbour light number ${i}`, subjects: [`Subject ${i % 40}`] }));

describe('searches on worker threads', () => {
  it('finds the same records through the search workers as on the serving thread', async (t) => {
    const workers = await build(t, { searchWorkers: 2 });
    const local = await build(t);
    for (const path of ['/search?q=emma', '/search?q=the', '/search?q=austen&sort=title', '/search?f=mediaType%3Abook', '/']) {
      const [a, b] = await Promise.all([workers.request().get(path), local.request().get(path)]);
      assert.equal(a.status, 200, path);
      assert.equal(a.text.match(/result-count[^<]*/)?.[0], b.text.match(/result-count[^<]*/)?.[0], path);
    }
  });

  it('stops a search that runs past its budget and tells the member plainly', async (t) => {
    // A budget of 1 ms: matching and ranking 3,000 records and counting their facets cannot fit in it.
    const { request } = await build(t, { records: many, searchWorkers: 1, searchBudgetMs: 1 });
    const res = await request().get('/search?q=harbour');
    assert.equal(res.status, 503);
    assert.match(res.text, /took too long and was stopped/);
  });

  it('keeps serving record pages while a search is stopped', async (t) => {
    const { request } = await build(t, { records: many, searchWorkers: 1, searchBudgetMs: 1 });
    const [search, record] = await Promise.all([request().get('/search?q=light'), request().get('/record/r7')]);
    assert.equal(search.status, 503);
    assert.equal(record.status, 200);
    assert.match(record.text, /Harbour light number 7/);
  });
});
