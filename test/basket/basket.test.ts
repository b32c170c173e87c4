import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, flashText, submit, type Built } from '../helpers/build.js';
import { catalogue, makeRecord } from '../storage/fixtures.js';

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
    assert.deepEqual(titles, ['Jane Eyre: an autobiography', 'Emma', 'Les Misérables']);
  });

  it('names each item with its subtitle, and points to the tick boxes above its actions', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-emma-audio'] });
    const page = (await visitor.get('/basket')).text;
    assert.deepEqual([...page.matchAll(/class="basket__title">([^<]+)</g)].map((m) => m[1]), ['Emma', 'Emma: unabridged']);
    assert.match(page, /Tick items in the list above to use only those/);
    assert.ok(page.indexOf('class="basket__pick"') < page.indexOf('Tick items in the list above'), 'the list is above the hint');
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

  it('asks before emptying the basket, and keeps it when the member says no', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre'] });
    const asked = await submit(visitor, '/basket/empty', { return: '/basket' }, { status: 200 });
    assert.match(asked.text, /<h1>Empty your basket\?<\/h1>/);
    assert.match(asked.text, /removes all 2 items/);
    assert.match(asked.text, /<a href="\/basket">No, keep my basket<\/a>/);
    assert.match((await visitor.get('/basket')).text, /2 items in your basket/);
  });

  it('empties the basket once the member confirms', async (t) => {
    const visitor = await member(await build(t));
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre'] });
    await submit(visitor, '/basket/empty', { return: '/basket', confirm: 'yes' }, { status: 302 });
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
    assert.deepEqual(rest, { message: 'Added ‘Emma’ to your basket.', kind: 'success', count: 1, changed: ['rec-emma'], visitEndsIn: 30 * 60_000 });
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

describe('keeping the member’s place without JavaScript', () => {
  it('an add from page 2 of the results returns to that result, with its status beside it', async (t) => {
    const extra = Array.from({ length: 12 }, (_, i) => makeRecord({ id: `rec-(x)${i}`, title: `Extra ${i}` }));
    const built = await build(t, { records: [...catalogue, ...extra] });
    const visitor = built.browser();
    const page = (await visitor.get('/search?per=10&page=2')).text;
    assert.match(page, /Showing 11–20 of 20/);
    const id = /<li class="result" id="result-([^"]+)"/.exec(page)![1]!;
    const res = await submit(visitor, '/basket/add', { id, return: '/search?per=10&page=2', place: 'result' }, { status: 302 });
    assert.equal(res.headers.location, `/search?per=10&page=2#result-${encodeURIComponent(id)}`);
    const back = (await visitor.get('/search?per=10&page=2')).text;
    const result = new RegExp(`<li class="result" id="result-${id.replace(/[()]/g, '\\$&')}" tabindex="-1">[\\s\\S]*?</li>`).exec(back)?.[0] ?? '';
    assert.match(result, /<p class="flash flash--success result__status">Added ‘[^’]+’ to your basket\.<\/p>/);
    assert.match(back, /<div class="status" id="status"[^>]*>\s*<p class="flash flash--success">Added/, 'also at the top');
  });

  it('"Add selected" confirms beside its button as well as at the top', async (t) => {
    const visitor = (await build(t)).browser();
    const res = await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre'], return: '/search', place: 'selected' }, { status: 302 });
    assert.equal(res.headers.location, '/search#add-selected-status');
    const back = (await visitor.get('/search')).text;
    assert.match(back, /<p id="add-selected-status" tabindex="-1" class="flash flash--success">Added 2 items to your basket\.<\/p>/);
  });

  it('"Select all on this page" ticks every box on the page that is not already in the basket', async (t) => {
    const visitor = (await build(t)).browser();
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    // Every record on its own row: the two Emmas would otherwise be one work, which has no box of its own.
    const page = (await visitor.get('/search?q=emma&group=off')).text;
    const href = /<a href="([^"]+)" id="select-all">Select all on this page<\/a>/.exec(page)![1]!.replace(/&amp;/g, '&');
    assert.equal(href, '/search?q=emma&group=off&select=all#select-all');
    const ticked = (await visitor.get(href.replace(/#.*/, ''))).text;
    const boxes = ticked.match(/<input type="checkbox" name="id"[^>]*>/g) ?? [];
    assert.ok(boxes.length >= 2);
    for (const box of boxes) assert.match(box, box.includes('value="rec-emma"') ? / disabled>/ : / checked>/);
  });
});
