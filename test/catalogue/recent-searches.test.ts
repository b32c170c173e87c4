import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { build, gate, submit } from '../helpers/build.js';
import { catalogue, emma } from '../storage/fixtures.js';
import type { Store } from '../../src/storage/store.js';
import type { StoreSearchQuery } from '../../src/model/search-query.js';

/** The app, counting the catalogue searches it asks the store for; `hold` (when set) stops each search at a gate. */
async function counted(t: TestContext) {
  const state = { searches: 0, versions: 0, fail: 0, hold: undefined as ReturnType<typeof gate> | undefined };
  const built = await build(t, {
    records: catalogue,
    wrapStore: (store): Store => ({
      ...store,
      records: {
        ...store.records,
        version: () => (state.versions++, store.records.version()),
        search: async (query: StoreSearchQuery) => {
          state.searches++;
          if (state.fail > 0) {
            state.fail--;
            throw new Error('the store is down');
          }
          await state.hold?.pass();
          return store.records.search(query);
        },
      },
    }),
  });
  return { ...built, state };
}

/** A browser with a visit (a basket), so its pages are its own and never kept whole. */
async function member(built: Awaited<ReturnType<typeof counted>>) {
  const visitor = built.browser();
  await visitor.get('/').set('Cookie', 'COOKIE_SUPPORT=true');
  await submit(visitor, '/basket/add', { id: emma.id, return: '/' }, { status: 302 });
  return visitor;
}

describe('recent searches, for pages that are not kept whole', () => {
  it('gives a member with a visit the same search again without searching, and an import at once', async (t) => {
    const built = await counted(t);
    const visitor = await member(built);
    assert.match((await visitor.get('/search?q=emma').expect(200)).text, /id="basket-count">1</);
    const searched = built.state.searches;
    assert.ok(searched > 0);
    const again = (await visitor.get('/search?q=emma').expect(200)).text;
    assert.equal(built.state.searches, searched, 'the search was not run again');
    assert.match(again, /id="basket-count">1</, 'the page is still the visit\'s own');
    await built.store.records.upsertMany([{ ...emma, id: 'rec-emma-2', title: 'Emma in Winter' }]);
    assert.match((await visitor.get('/search?q=emma&group=off').expect(200)).text, /Emma in Winter/);
    assert.ok(built.state.searches > searched, 'after an import the search runs again');
  });

  it('lets two members asking the same search at the same moment share one search', async (t) => {
    const built = await counted(t);
    const [first, second] = [await member(built), await member(built)];
    const before = built.state.searches;
    const looked = built.state.versions;
    built.state.hold = gate();
    const pages = Promise.all([first.get('/search?q=austen'), second.get('/search?q=austen')]);
    await built.state.hold.reached;
    // Each page reads the catalogue version just before it looks for the search: once both have, let the search finish.
    for (let turn = 0; turn < 1000 && built.state.versions < looked + 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    built.state.hold.open();
    const [a, b] = await pages;
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const shared = built.state.searches - before;
    built.state.hold = undefined;
    // The same search alone, on another page address: as many store searches as the two pages made together.
    const alone = built.state.searches;
    await first.get('/search?q=austen&per=50').expect(200);
    assert.equal(shared, built.state.searches - alone);
  });

  it('tries a failed search afresh the next time', async (t) => {
    const built = await counted(t);
    const visitor = await member(built);
    built.state.fail = 1;
    assert.equal((await visitor.get('/search?q=emma')).status, 500);
    assert.match((await visitor.get('/search?q=emma').expect(200)).text, /Emma/);
  });
});
