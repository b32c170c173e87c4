import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';

const filters = (field: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `f=${field}:${encodeURIComponent(`Value ${from + i}`)}`).join('&');

describe('limits on what one search may ask for', () => {
  it('refuses more than 10 values of one filter with a clear message', async (t) => {
    const built = await build(t);
    const res = await built.request().get(`/search?${filters('subject', 11)}`);
    assert.equal(res.status, 400);
    assert.match(res.text, /at most 10 values of one filter/);
    assert.equal((await built.request().get(`/search?${filters('subject', 10)}`)).status, 200);
  });

  it('refuses more than 20 filter values in all with a clear message', async (t) => {
    const built = await build(t);
    const res = await built.request().get(`/search?${filters('subject', 10)}&${filters('author', 10)}&${filters('language', 1)}`);
    assert.equal(res.status, 400);
    assert.match(res.text, /20 filter values in all/);
  });

  it('shows only the first 10,000 results: page 101 at 100 per page is refused, page 100 is served', async (t) => {
    const built = await build(t);
    const res = await built.request().get('/search?per=100&page=101');
    assert.equal(res.status, 400);
    assert.match(res.text, /first 10,000 results/);
    assert.equal((await built.request().get('/search?per=100&page=100')).status, 200);
    assert.equal((await built.request().get('/search?per=10&page=1001')).status, 400);
  });

  it('refuses a query of more than 16 words, phrases or field searches', async (t) => {
    const built = await build(t);
    const words = Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ');
    const res = await built.request().get(`/search?q=${encodeURIComponent(words)}`);
    assert.equal(res.status, 400);
    assert.match(res.text, /at most 16 words, phrases or field searches/);
    assert.equal((await built.request().get(`/search?q=${encodeURIComponent(words.split(' ').slice(0, 16).join(' '))}`)).status, 200);
  });
});
