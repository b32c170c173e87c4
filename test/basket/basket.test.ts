import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, flashText, submit, type Built } from '../helpers/build.js';
import { makeRecord } from '../storage/fixtures.js';

/** A browser that has already loaded one page, so it holds COOKIE_SUPPORT. */
async function member(built: Built) {
  const visitor = built.browser();
  await visitor.get('/').expect(200);
  return visitor;
}

function basketCount(html: string): number {
  return Number(/id="basket-count"[^>]*>(\d+)</.exec(html)?.[1]);
}

describe('the media basket without JavaScript', () => {
  it('adds from a results page and goes back to the same page, filters and all', async (t) => {
    const visitor = await member(await build(t));
    const back = '/search?q=austen&f=mediaType%3Abook&page=1&per=10';
    const res = await submit(visitor, '/basket/add', { id: 'rec-emma', return: back }, { status: 302 });
    assert.equal(res.headers.location, back);
  });

  it('shows "Added ‘Emma’ to your basket" once, then it is gone', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: 'rec-emma', return: '/search?q=emma' });
    const first = await visitor.get('/search?q=emma');
    assert.equal(flashText(first.text), 'Added ‘Emma’ to your basket.');
    const second = await visitor.get('/search?q=emma');
    assert.equal(flashText(second.text), undefined);
  });

  it('shows the basket count in the header of every page', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre'] });
    for (const path of ['/', '/search?q=emma', '/record/rec-emma', '/basket', '/no-such-page']) {
      const page = await visitor.get(path);
      assert.equal(basketCount(page.text), 2, path);
    }
  });

  it('adds several selected results at once and lists them in the order added', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: ['rec-jane-eyre', 'rec-emma', 'rec-miserables'] });
    const page = await visitor.get('/basket');
    assert.equal(flashText(page.text), 'Added 3 items to your basket.');
    const titles = [...page.text.matchAll(/class="basket__title">([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(titles, ['Jane Eyre', 'Emma', 'Les Misérables']);
  });

  it('says when an item is already in the basket rather than adding it twice', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: 'rec-emma' });
    await visitor.get('/basket');
    await submit(visitor, '/basket/add', { id: 'rec-emma' });
    const page = await visitor.get('/basket');
    assert.equal(flashText(page.text), '‘Emma’ is already in your basket.');
    assert.equal(basketCount(page.text), 1);
  });

  it('shows "in your basket — remove" on the record page, and removes from there', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: 'rec-emma' });
    const record = await visitor.get('/record/rec-emma');
    assert.match(record.text, /In your basket<\/span> <button[^>]*>Remove/);
    const res = await submit(visitor, '/basket/remove', { id: 'rec-emma', return: '/record/rec-emma' }, { status: 302 });
    assert.equal(res.headers.location, '/record/rec-emma');
    const after = await visitor.get('/record/rec-emma');
    assert.equal(flashText(after.text), 'Removed ‘Emma’ from your basket.');
    assert.match(after.text, />Add to basket</);
  });

  it('empties the basket', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre'] });
    await submit(visitor, '/basket/empty', { return: '/basket' }, { status: 302 });
    const page = await visitor.get('/basket');
    assert.match(page.text, /Your basket is empty/);
    assert.equal(flashText(page.text), 'Your basket is now empty.');
  });

  it('refuses items past the limit with a clear message', async (t) => {
    const visitor = await member(await build(t, { env: { BASKET_LIMIT: '2' } }));
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre', 'rec-miserables'] });
    const page = await visitor.get('/basket');
    assert.equal(basketCount(page.text), 2);
    assert.equal(flashText(page.text), 'Added 2 items to your basket. Your basket is full: it holds at most 2 items, so 1 item could not be added. Remove something to make room.');
  });

  it('reports ids that are not in the catalogue instead of storing them', async (t) => {
    const built = await build(t);
    const visitor = await member(built);
    await submit(visitor, '/basket/add', { id: 'no-such-record' });
    const page = await visitor.get('/basket');
    assert.equal(flashText(page.text), '1 item could not be found in the catalogue.');
    assert.equal(basketCount(page.text), 0);
  });

  it('never redirects back to another site', async (t) => {
    const visitor = await member(await build(t));
    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await submit(visitor, '/basket/add', { id: 'rec-emma', return: evil }, { status: 302 });
      assert.equal(res.headers.location, '/basket', evil);
    }
  });
});

describe('the media basket with JavaScript', () => {
  it('answers JSON with the message and the new count, and keeps no status message for later', async (t) => {
    const visitor = await member(await build(t));
    const res = await submit(visitor, '/basket/add', { id: 'rec-emma' }, { accept: 'application/json', status: 200 });
    const { csrfToken, ...rest } = res.body;
    assert.deepEqual(rest, { message: 'Added ‘Emma’ to your basket.', kind: 'success', count: 1, changed: ['rec-emma'] });
    assert.match(csrfToken, /^[A-Za-z0-9_-]{32}$/, 'the new visit\'s form token, for the page to use from now on');
    const page = await visitor.get('/basket');
    assert.equal(flashText(page.text), undefined);
    assert.match(page.text, /Emma/);
  });

  it('an add in one session never loses another: 50 parallel adds leave 50 items', async (t) => {
    const records = Array.from({ length: 50 }, (_, i) => makeRecord({ id: `par-${i}`, title: `Parallel ${i}` }));
    const built = await build(t, { records });
    const visitor = await member(built);
    // The first add creates the visit; the other 49 race inside it.
    await submit(visitor, '/basket/add', { id: 'par-0' }, { accept: 'application/json', status: 200 });
    const results = await Promise.all(records.slice(1).map((r) =>
      submit(visitor, '/basket/add', { id: r.id }, { accept: 'application/json' })));
    assert.ok(results.every((r) => r.status === 200));
    const page = await visitor.get('/basket');
    assert.equal(basketCount(page.text), 50);
  });
});
