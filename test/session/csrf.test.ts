import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, submit } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';

describe('forgery protection on every state-changing request', () => {
  it('refuses a POST sent from another site, with a clear page, and changes nothing', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    const res = await visitor.post('/basket/add').set('Origin', 'https://evil.example').type('form').send({ id: 'rec-emma' });
    assert.equal(res.status, 403);
    assert.match(res.text, /That form could not be accepted/);
    assert.match((await visitor.get('/basket')).text, /Your basket is empty/);
  });

  it('refuses what the browser marks as cross-site even without an Origin header', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    const res = await visitor.post('/basket/add').set('Sec-Fetch-Site', 'cross-site').type('form').send({ id: 'rec-emma' });
    assert.equal(res.status, 403);
  });

  it('once the visit has a session, refuses a form without its token or with a wrong one', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    const missing = await visitor.post('/basket/empty').type('form').send({});
    assert.equal(missing.status, 403);
    const wrong = await visitor.post('/basket/empty').type('form').send({ _csrf: 'x'.repeat(32) });
    assert.equal(wrong.status, 403);
    assert.match((await visitor.get('/basket')).text, /class="basket__title">Emma</, 'nothing was emptied');
    await submit(visitor, '/basket/empty', { confirm: 'yes' }, { status: 302 });
  });

  it('accepts the token in the X-CSRF-Token header, for scripts', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    await submit(visitor, '/basket/add', { id: 'rec-emma' });
    const token = await csrfOf(visitor);
    const res = await visitor.post('/basket/add').set('X-CSRF-Token', token).set('Accept', 'application/json').type('form').send({ id: 'rec-jane-eyre' });
    assert.equal(res.status, 200);
    assert.equal(res.body.count, 2);
  });

  it('puts the visit token into every form the app renders', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    await submit(visitor, '/basket/add', { id: 'rec-emma' });
    const token = await csrfOf(visitor);
    assert.ok(token.length >= 32);
    for (const path of ['/search?q=austen', '/record/rec-emma', '/basket']) {
      const html = (await visitor.get(path)).text;
      const forms = html.match(/<form [^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
      assert.ok(forms.length > 0, `${path} has forms`);
      for (const form of forms) assert.ok(form.includes(`name="_csrf" value="${token}"`), `${path}: ${form.slice(0, 80)}`);
    }
  });

  it("a token from another member's visit does not work in this one", async (t) => {
    const { browser } = await build(t);
    const [alice, bob] = [browser(), browser()];
    for (const v of [alice, bob]) { await v.get('/'); await submit(v, '/basket/add', { id: 'rec-emma' }); }
    const res = await bob.post('/basket/empty').type('form').send({ _csrf: await csrfOf(alice) });
    assert.equal(res.status, 403);
  });

  it('refuses what the browser marks as same-site but another origin (a sibling host)', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    assert.equal((await visitor.post('/basket/add').set('Sec-Fetch-Site', 'same-site').type('form').send({ id: 'rec-emma' })).status, 403);
    assert.equal((await visitor.post('/basket/add').set('Origin', 'http://other.127.0.0.1.nip.io').type('form').send({ id: 'rec-emma' })).status, 403);
    assert.equal((await visitor.post('/basket/add').set('Origin', 'null').type('form').send({ id: 'rec-emma' })).status, 403);
  });

  it('three tabs opened before the first add: an add from each works, and each reply counts the whole basket', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    const ids = ['rec-emma', 'rec-jane-eyre', 'rec-miserables'];
    const tabs = [];
    for (const id of ids) tabs.push({ id, token: /name="_csrf" value="([^"]*)"/.exec((await visitor.get(`/record/${id}`)).text)?.[1] });
    assert.deepEqual(tabs.map((tab) => tab.token), ['', '', ''], 'the pages were loaded before the visit had a session');
    const counts = [];
    for (const tab of tabs) {
      const res = await visitor.post('/basket/add').set('Sec-Fetch-Site', 'same-origin').set('Accept', 'application/json')
        .type('form').send({ id: tab.id, _csrf: tab.token });
      assert.equal(res.status, 200, `add from the tab of ${tab.id}`);
      counts.push(res.body.count);
    }
    assert.deepEqual(counts, [1, 2, 3]);
  });

  it('a form from before a login in another tab still works, since the browser vouches for it', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    const oldTab = await csrfOf(visitor);
    await loginAs(visitor, '1000000001', '1234');
    assert.notEqual(await csrfOf(visitor), oldTab, 'login gave the visit a new token');
    const fromOldTab = await visitor.post('/basket/add').set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').type('form').send({ id: 'rec-jane-eyre', _csrf: oldTab });
    assert.equal(fromOldTab.status, 302);
    const fetchMetadata = await visitor.post('/basket/remove').set('Sec-Fetch-Site', 'same-origin').type('form').send({ id: 'rec-emma', _csrf: oldTab });
    assert.equal(fetchMetadata.status, 302);
    assert.match((await visitor.get('/basket')).text, /Jane Eyre/);
  });

  it('with neither header, a stale token is still refused', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    const stale = await csrfOf(visitor);
    await loginAs(visitor, '1000000001', '1234');
    const res = await visitor.post('/basket/empty').type('form').send({ _csrf: stale });
    assert.equal(res.status, 403);
    assert.match((await visitor.get('/basket')).text, /class="basket__title">Emma</, 'nothing was emptied');
  });
});
