import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, submit } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';
import { catalogue, emma } from '../storage/fixtures.js';
import type { Store } from '../../src/storage/store.js';
import { templateEnvironment } from '../../src/http/render.js';

/** The app, counting what it works out: results pages rendered, catalogue searches and record reads. */
async function counted(t: TestContext, env: Record<string, string> = {}) {
  const calls = { render: 0, search: 0, get: 0 };
  const templates = templateEnvironment();
  const built = await build(t, {
    records: catalogue,
    env,
    // Results pages are rendered "elsewhere" (a render worker in production): here, on this thread, counted.
    renderElsewhere: async (view, page) => (calls.render++, templates.render(view, page)),
    wrapStore: (store): Store => ({
      ...store,
      records: {
        ...store.records,
        search: (query) => (calls.search++, store.records.search(query)),
        get: (id) => (calls.get++, store.records.get(id)),
      },
    }),
  });
  // supertest serves each request on a port of its own; a site has one host, and the page's permalinks name it.
  const get = (path: string, cookie?: string) => {
    const req = built.request().get(path).set('Host', HOST);
    return cookie ? req.set('Cookie', cookie) : req;
  };
  return { ...built, calls, get };
}

const HOST = 'catalogue.example.org';

const basketCount = (html: string) => /id="basket-count">(\d+)</.exec(html)?.[1];
const availability = (html: string) => /<p class="availability availability--[a-z]+"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];

describe('pages kept for visitors without a visit', () => {
  it('works out a search once, and sends the next visitor the same page without searching again', async (t) => {
    const { get, calls } = await counted(t);
    const first = await get('/search?q=emma').expect(200);
    assert.equal(calls.render, 1);
    const searched = calls.search;
    const second = await get('/search?q=emma').expect(200);
    assert.equal(second.text, first.text);
    assert.equal(calls.render, 1, 'the second visitor was sent the kept page');
    assert.equal(calls.search, searched);
    assert.match(second.headers['content-type'] ?? '', /^text\/html/);
    assert.equal(second.headers['cache-control'], 'no-store', 'the browser still keeps nothing');
    await get('/search?q=eyre').expect(200);
    assert.equal(calls.render, 2, 'another search is its own page');
  });

  it('keeps record pages too, each with its own "Back to results"', async (t) => {
    const { get, calls } = await counted(t);
    await get(`/record/${emma.id}`).expect(200);
    const read = calls.get;
    await get(`/record/${emma.id}`).expect(200);
    assert.equal(calls.get, read);
    const fromResults = await get(`/record/${emma.id}`).set('Referer', `http://${HOST}/search?q=emma`).expect(200);
    assert.match(fromResults.text, /href="\/search\?q=emma">← Back to results/);
    const plain = await get(`/record/${emma.id}`).expect(200);
    assert.doesNotMatch(plain.text, /Back to results/);
  });

  it('works out every page when PAGE_CACHE_MB is 0', async (t) => {
    const { get, calls } = await counted(t, { PAGE_CACHE_MB: '0' });
    await get('/search?q=emma').expect(200);
    await get('/search?q=emma').expect(200);
    assert.equal(calls.render, 2);
  });

  it('shows an import at once', async (t) => {
    const { get, store } = await counted(t);
    assert.match((await get('/search?q=zanzibar').expect(200)).text, /There are no results that match your search criteria/);
    await store.records.upsertMany([{ ...emma, id: 'rec-zanzibar', title: 'Zanzibar Nights' }]);
    assert.match((await get('/search?q=zanzibar').expect(200)).text, /Zanzibar Nights/);
  });

  it('shows a hold placed since, on the results and the record page', async (t) => {
    const { get, browser, store } = await counted(t, { PUBLIC_URL: 'https://catalogue.example.org' });
    assert.equal(availability((await get('/search?q=miserables')).text), 'On the shelf: 1 of 1 at Eastgate');
    assert.match((await get('/record/rec-miserables')).text, /On the shelf: 1 of 1 at Eastgate/);
    await addMember(store, '1000000001', '1234', { name: 'Ada Lovelace' });
    const member = browser();
    await loginAs(member, '1000000001', '1234');
    const reply = await member.post('/reservations').set('Accept', 'application/json').type('form').send({ id: 'rec-miserables', branch: 'Eastgate', _csrf: await csrfOf(member) });
    assert.equal((reply.body as { items: Array<{ outcome: string }> }).items[0]?.outcome, 'reserved');
    assert.notEqual(availability((await get('/search?q=miserables')).text), 'On the shelf: 1 of 1 at Eastgate');
    assert.doesNotMatch((await get('/record/rec-miserables')).text, /On the shelf: 1 of 1 at Eastgate/);
  });

  it('works the page out again on a new day in the library, for due dates', async (t) => {
    const { get, calls, clock } = await counted(t);
    await get('/search?q=emma').expect(200);
    clock.advanceMinutes(24 * 60);
    await get('/search?q=emma').expect(200);
    assert.equal(calls.render, 2);
  });

  it('gives a visit with a session its own page, and never keeps it for others', async (t) => {
    const { get, browser, calls } = await counted(t);
    const anonymous = (await get('/search?q=emma').expect(200)).text;
    const visitor = browser();
    await visitor.get('/').set('Cookie', 'COOKIE_SUPPORT=true');
    await submit(visitor, '/basket/add', { id: emma.id, return: '/search?q=emma' }, { status: 302 });
    const token = await csrfOf(visitor);
    assert.ok(token);
    const rendered = calls.render;
    const own = (await visitor.get('/search?q=emma').expect(200)).text;
    assert.equal(calls.render, rendered + 1, 'the visit was not sent the kept page');
    assert.equal(basketCount(own), '1');
    assert.ok(own.includes(token));
    const next = (await get('/search?q=emma').expect(200)).text;
    assert.equal(next, anonymous);
    assert.equal(basketCount(next), '0');
    assert.ok(!next.includes(token), "the visit's form token is never sent to another visitor");
  });

  it('keeps apart the pages of browsers that return cookies and of those that do not', async (t) => {
    const { get } = await counted(t);
    const first = (await get('/search?q=emma').expect(200)).text;
    assert.match(first, /id="cookies-off"[^>]* data-check="yes"/, 'a first page asks whether cookies come back');
    const returning = (await get('/search?q=emma', 'COOKIE_SUPPORT=true').expect(200)).text;
    assert.doesNotMatch(returning, /data-check="yes"/);
    const consented = (await get('/search?q=emma', 'COOKIE_SUPPORT=true; COOKIE_CONSENT=accepted').expect(200)).text;
    assert.notEqual(consented, returning, 'the cookie banner is gone once the visitor chose');
  });
});
