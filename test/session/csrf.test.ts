import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, submit } from '../helpers/build.js';

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
    await submit(visitor, '/basket/empty', {}, { status: 302 });
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
});
