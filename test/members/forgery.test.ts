import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, submit, type Built } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';

async function loggedIn(built: Built) {
  await addMember(built.store, '1000000001', '1234');
  const visitor = built.browser();
  await loginAs(visitor, '1000000001', '1234');
  return visitor;
}

describe('forgery protection on login, logout and reservations', () => {
  it('refuses a login form posted from another site', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    await visitor.get('/');
    const res = await visitor.post('/login').set('Origin', 'https://evil.example').type('form').send({ card: '1000000001', pin: '1234' });
    assert.equal(res.status, 403);
    assert.match(res.text, /That form could not be accepted/);
    assert.doesNotMatch((await visitor.get('/')).text, /Logged in as/);
  });

  it('refuses a login form without the token of the visit that showed it', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    await visitor.get('/');
    // A visit with a session (the login page alone starts none).
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    await visitor.get('/login');
    const res = await visitor.post('/login').type('form').send({ card: '1000000001', pin: '1234', _csrf: 'forged-token-of-32-characters-xx' });
    assert.equal(res.status, 403);
  });

  it('refuses a forged logout, so another site cannot end a member’s visit', async (t) => {
    const built = await build(t);
    const visitor = await loggedIn(built);
    assert.equal((await visitor.post('/logout').set('Sec-Fetch-Site', 'cross-site').type('form').send({})).status, 403);
    assert.equal((await visitor.post('/logout').type('form').send({})).status, 403, 'no token');
    assert.match((await visitor.get('/')).text, /Logged in as Ada/);
  });

  it('refuses a reservation or cancellation posted from another site', async (t) => {
    const built = await build(t);
    const visitor = await loggedIn(built);
    const token = await csrfOf(visitor);
    const forged = await visitor.post('/reservations').set('Origin', 'https://evil.example').type('form').send({ id: 'rec-emma', _csrf: token });
    assert.equal(forged.status, 403);
    const noToken = await visitor.post('/basket/reserve').type('form').send({});
    assert.equal(noToken.status, 403);
    assert.deepEqual(await built.store.reservations.listForMember('m-1000000001'), []);
    const ok = await visitor.post('/reservations').type('form').send({ id: 'rec-emma', _csrf: token });
    assert.equal(ok.status, 302);
    const [held] = await built.store.reservations.listForMember('m-1000000001');
    const cancel = await visitor.post(`/reservations/${held!.id}/cancel`).set('Origin', 'https://evil.example').type('form').send({ _csrf: token });
    assert.equal(cancel.status, 403);
    assert.equal((await built.store.reservations.listForMember('m-1000000001', 'active')).length, 1);
  });

  it('gives a new form token at login, and the one from before no longer works', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    await visitor.get('/');
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    await visitor.get('/login');
    const before = await csrfOf(visitor);
    await loginAs(visitor, '1000000001', '1234');
    const after = await csrfOf(visitor);
    assert.ok(before && after && before !== after);
    assert.equal((await visitor.post('/logout').type('form').send({ _csrf: before })).status, 403);
  });

  it('puts the visit token into the login, logout, reserve and cancel forms', async (t) => {
    const built = await build(t);
    const visitor = await loggedIn(built);
    const token = await csrfOf(visitor);
    await visitor.post('/reservations').type('form').send({ id: 'rec-emma', _csrf: token });
    for (const path of ['/record/rec-pride-dvd', '/account', '/basket/reserve']) {
      const html = (await visitor.get(path)).text;
      const forms = html.match(/<form [^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
      assert.ok(forms.length > 0, `${path} has forms`);
      for (const form of forms) assert.ok(form.includes(`name="_csrf" value="${token}"`), `${path}: ${form.slice(0, 80)}`);
    }
  });
});
