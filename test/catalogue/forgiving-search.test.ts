import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';
import { catalogue, makeRecord } from '../storage/fixtures.js';

/** Record ids on a results page, in order. */
function ids(html: string): string[] {
  return [...html.matchAll(/class="result__title"><a href="\/record\/([^"?#]+)[^"]*"/g)].map((m) => decodeURIComponent(m[1]!));
}

/** The "Did you mean" link: its words and where it goes. */
function didYouMean(html: string): { q: string; href: string } | undefined {
  const m = /<a class="did-you-mean" href="([^"]+)">([^<]+)<\/a>/.exec(html);
  return m ? { href: m[1]!.replace(/&amp;/g, '&'), q: m[2]! } : undefined;
}

const tolkien = [
  makeRecord({ id: 'hobbit-1', title: 'The Hobbit', authors: ['Tolkien, J. R. R.'] }),
  makeRecord({ id: 'hobbit-2', title: 'The Hobbit, or, There and back again', authors: ['Tolkien, J. R. R.'] }),
  makeRecord({ id: 'hobbits', title: 'Hobbits, elves and wizards', authors: ['Stanton, Michael'] }),
  makeRecord({ id: 'garden', title: 'The dry garden', subjects: ['Gardens'] }),
  makeRecord({ id: 'gardening', title: 'Organic gardening' }),
  makeRecord({ id: 'cook', title: 'How to cook' }),
  makeRecord({ id: 'cooking', title: 'Quick cooking', subjects: ['Cooking'] }),
  makeRecord({ id: 'hamnet', title: 'Hamnet', subjects: ['Shakespeare, William, 1564-1616 -- Family -- Fiction'] }),
];

describe('search that forgives', () => {
  it('offers "Did you mean" from the catalogue\'s own words, correcting the whole query, as a link that runs it', async (t) => {
    const { request } = await build(t, { records: [...catalogue, ...tolkien] });
    for (const [typed, meant] of [['jane austin', 'jane austen'], ['tolkein', 'tolkien'], ['hobit', 'hobbit'], ['JANE Austin', 'JANE austen']] as const) {
      const page = await request().get(`/search?q=${encodeURIComponent(typed)}`);
      const offer = didYouMean(page.text);
      assert.equal(offer?.q, meant, typed);
      const followed = await request().get(offer.href);
      assert.ok(ids(followed.text).length > 0, `${meant} finds something`);
    }
  });

  it('keeps field names, operators and filters when it corrects', async (t) => {
    const { request } = await build(t, { records: [...catalogue, ...tolkien] });
    const offer = didYouMean((await request().get('/search?q=author:tolkein+-wizards&f=language:eng')).text);
    assert.equal(offer?.q, 'author:tolkien -wizards');
    assert.match(offer.href, /f=language%3Aeng/);
  });

  it('offers nothing when the search finds plenty, or when no spelling finds more', async (t) => {
    const { request } = await build(t, { records: [...catalogue, ...tolkien] });
    assert.equal(didYouMean((await request().get('/search?q=austen')).text), undefined);
    assert.equal(didYouMean((await request().get('/search?q=qwxzv')).text), undefined);
  });

  it('learns new words from an import', async (t) => {
    const { request, store } = await build(t);
    assert.equal(didYouMean((await request().get('/search?q=tolkein')).text), undefined);
    await store.records.upsertMany(tolkien);
    assert.equal(didYouMean((await request().get('/search?q=tolkein')).text)?.q, 'tolkien');
  });

  it('mentions title: and author: in the advice only when the member typed a field', async (t) => {
    const { request } = await build(t);
    assert.doesNotMatch((await request().get('/search?q=qwxzv')).text, /leave out <code>title:/);
    assert.match((await request().get('/search?q=title:qwxzv')).text, /leave out <code>title:<\/code>/);
  });

  it('finds "shakespear" without a correction: it shares its stem with "Shakespeare"', async (t) => {
    const { request } = await build(t, { records: tolkien });
    assert.deepEqual(ids((await request().get('/search?q=shakespear')).text), ['hamnet']);
  });

  it('finds other forms of a word: hobbit and hobbits, garden, gardens and gardening, cook and cooking', async (t) => {
    const { request } = await build(t, { records: tolkien });
    const get = async (q: string) => ids((await request().get(`/search?q=${encodeURIComponent(q)}`)).text);
    assert.deepEqual((await get('hobbit')).sort(), ['hobbit-1', 'hobbit-2', 'hobbits']);
    assert.deepEqual((await get('hobbits')).sort(), ['hobbit-1', 'hobbit-2', 'hobbits']);
    for (const q of ['garden', 'gardens', 'gardening']) assert.deepEqual((await get(q)).sort(), ['garden', 'gardening'], q);
    for (const q of ['cook', 'cooking']) assert.deepEqual((await get(q)).sort(), ['cook', 'cooking'], q);
  });

  it('takes word forms by the rules of the language ticked: German ones under Language: German, English ones otherwise', async (t) => {
    const german = [
      makeRecord({ id: 'geschichte', title: 'Die unendliche Geschichte', languages: ['ger'] }),
      makeRecord({ id: 'geschichten', title: 'Geschichten aus dem Wienerwald', languages: ['ger'] }),
      makeRecord({ id: 'cooking-de', title: 'Cooking', languages: ['ger'] }),
    ];
    const { request } = await build(t, { records: [...tolkien, ...german] });
    const get = async (path: string) => ids((await request().get(path)).text).sort();
    // German rules join geschichten and geschichte; English rules do not.
    assert.deepEqual(await get('/search?q=geschichten&f=language%3Ager'), ['geschichte', 'geschichten']);
    assert.deepEqual(await get('/search?q=geschichten'), ['geschichten']);
    // English rules join cook and cooking; German rules do not.
    assert.deepEqual(await get('/search?q=cook'), ['cook', 'cooking', 'cooking-de']);
    assert.deepEqual(await get('/search?q=cook&f=language%3Ager'), []);
    assert.deepEqual(await get('/search?q=cooking&f=language%3Ager'), ['cooking-de']);
  });

  it('ranks the form typed above the others', async (t) => {
    const { request } = await build(t, { records: tolkien });
    const get = async (q: string) => ids((await request().get(`/search?q=${encodeURIComponent(q)}`)).text);
    assert.equal((await get('hobbits'))[0], 'hobbits');
    assert.equal((await get('gardening'))[0], 'gardening');
    assert.equal((await get('cook'))[0], 'cook');
  });

  it('keeps phrases exact', async (t) => {
    const { request } = await build(t, { records: tolkien });
    const get = async (q: string) => ids((await request().get(`/search?q=${encodeURIComponent(q)}`)).text);
    assert.deepEqual(await get('"the hobbits"'), []);
    assert.deepEqual(await get('"organic gardens"'), []);
    assert.deepEqual(await get('"organic gardening"'), ['gardening']);
  });
});
