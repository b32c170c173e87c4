import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';
import { catalogue, makeRecord } from '../storage/fixtures.js';

/** Record ids on a results page, in order; the searches below ask for every record on its own row (`group=off`): they test what matches, not grouping. */
function ids(html: string): string[] {
  return [...html.matchAll(/class="result__title"><a href="\/record\/([^"?#]+)[^"]*"/g)].map((m) => decodeURIComponent(m[1]!));
}

const sorted = (list: string[]) => [...list].sort();

describe('the query language members type', () => {
  it('needs every word by default, and -word or NOT word leaves records out', async (t) => {
    const { request } = await build(t);
    const get = async (q: string) => sorted(ids((await request().get(`/search?q=${encodeURIComponent(q)}&group=off`)).text));
    assert.deepEqual(await get('austen'), ['rec-emma', 'rec-emma-audio', 'rec-pride-dvd']);
    assert.deepEqual(await get('austen emma'), ['rec-emma', 'rec-emma-audio']);
    assert.deepEqual(await get('austen -emma'), ['rec-pride-dvd']);
    assert.deepEqual(await get('austen NOT emma'), ['rec-pride-dvd']);
    assert.deepEqual(await get('austen -"jane austen"'), ['rec-emma-audio']);
    assert.deepEqual(await get('austen -author:stevenson'), ['rec-emma', 'rec-pride-dvd']);
  });

  it('widens with OR, and reads a lower-case "or" and "not" as words', async (t) => {
    const { request } = await build(t);
    const get = async (q: string) => sorted(ids((await request().get(`/search?q=${encodeURIComponent(q)}&group=off`)).text));
    assert.deepEqual(await get('emma OR eyre'), ['rec-emma', 'rec-emma-audio', 'rec-jane-eyre']);
    assert.deepEqual(await get('emma OR eyre OR verwandlung'), ['rec-emma', 'rec-emma-audio', 'rec-jane-eyre', 'rec-verwandlung']);
    assert.deepEqual(await get('austen emma OR courtship'), ['rec-emma', 'rec-emma-audio', 'rec-pride-dvd']);
    assert.deepEqual(await get('emma or eyre'), []);
  });

  it('says a search of exclusions alone finds nothing, without a 500', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/search?q=-emma');
    assert.equal(res.status, 200);
    assert.deepEqual(ids(res.text), []);
    assert.match(res.text, /There are no results/);
  });

  it('reads format words as the media type: dvd, cd, audiobook, e-book, large print', async (t) => {
    const records = [
      ...catalogue,
      makeRecord({ id: 'emma-cd', title: 'Emma: music from the film', mediaType: 'music-cd' }),
      makeRecord({ id: 'emma-ebook', title: 'Emma', mediaType: 'ebook' }),
      makeRecord({ id: 'emma-large', title: 'Emma', mediaType: 'large-print' }),
    ];
    const { request } = await build(t, { records });
    const get = async (q: string) => sorted(ids((await request().get(`/search?q=${encodeURIComponent(q)}&group=off`)).text));
    assert.deepEqual(await get('pride dvd'), ['rec-pride-dvd']);
    assert.deepEqual(await get('DVD'), ['rec-pride-dvd']);
    assert.deepEqual(await get('emma cd'), ['emma-cd']);
    assert.deepEqual(await get('emma audiobook'), ['rec-emma-audio']);
    assert.deepEqual(await get('emma audio book'), ['rec-emma-audio']);
    for (const q of ['emma e-book', 'emma ebook', 'emma e book']) assert.deepEqual(await get(q), ['emma-ebook'], q);
    assert.deepEqual(await get('emma large print'), ['emma-large']);
    // Quoted, the words are text again.
    assert.deepEqual(await get('emma "large print"'), []);
  });

  it('lets a ticked media type win over a typed format word', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/search?q=austen+dvd&f=mediaType:book');
    assert.deepEqual(ids(res.text), ['rec-emma']);
  });

  it('opens the record for its permalink id or a pasted record link, and searches otherwise', async (t) => {
    const { request } = await build(t);
    for (const q of ['rec-jane-eyre', ' rec-jane-eyre ', 'https://catalogue.example.org/record/rec-jane-eyre', '/record/rec-jane-eyre']) {
      const res = await request().get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 302, q);
      assert.match(res.headers.location ?? '', /^\/record\/rec-jane-eyre(\?|$)/, q);
    }
    const unknown = await request().get('/search?q=rec-nothing-here');
    assert.equal(unknown.status, 200);
    // With a filter the member is narrowing a search, not naming a record.
    assert.equal((await request().get('/search?q=rec-jane-eyre&f=language:eng')).status, 200);
  });

  it('lists the records a word finds even when a record\'s id is that word', async (t) => {
    const records = [...catalogue, makeRecord({ id: '1984', title: 'Collected poems' }), makeRecord({ id: 'orwell-1984', title: '1984' })];
    const { request } = await build(t, { records });
    const res = await request().get('/search?q=1984');
    assert.equal(res.status, 200);
    assert.deepEqual(ids(res.text), ['orwell-1984']);
  });

  it('never passes query syntax to the store: operators, quotes and FTS5 words read as text or nothing', async (t) => {
    const { request } = await build(t);
    for (const q of ['NEAR(emma austen)', 'emma*', '"', '-', '- -', 'OR', 'NOT', 'emma OR', 'OR emma', 'NOT NOT emma', 'emma -', '{title}: emma', 'title:', '^emma', 'emma AND', '(emma', 'col:"x" -"', '-"unclosed', 'a OR -b']) {
      const res = await request().get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, q);
    }
    assert.deepEqual(ids((await request().get('/search?q=emma*&group=off')).text).sort(), ['rec-emma', 'rec-emma-audio']);
  });
});
