import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, setCookie, submit } from '../helpers/build.js';
import { addMember, loginAs, sessionIdFrom } from '../helpers/members.js';

describe('logging out', () => {
  it('deletes the session and its basket from the store and clears the cookie', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    const sessionId = sessionIdFrom(await loginAs(visitor, '1000000001', '1234'))!;
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    assert.equal(await built.store.baskets.count(sessionId), 1);
    const res = await submit(visitor, '/logout', {}, { status: 302 });
    assert.equal(res.headers.location, '/logged-out');
    assert.match(setCookie(res, 'JSESSIONID') ?? '', /^JSESSIONID=;.*expires=Thu, 01 Jan 1970/);
    assert.equal(await built.store.sessions.get(sessionId, built.clock.now), null);
    assert.deepEqual(await built.store.baskets.list(sessionId), []);
    const page = await visitor.get('/logged-out');
    assert.match(page.text, /You have logged out/);
    assert.match(page.text, />Log in</);
    assert.match(page.text, /id="basket-count"[^>]*>0</);
  });

  it('leaves nothing for someone who replays the old JSESSIONID: an empty, anonymous visit', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    const sessionId = sessionIdFrom(await loginAs(visitor, '1000000001', '1234'))!;
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre'] }, { status: 302 });
    await submit(visitor, '/logout', {}, { status: 302 });
    const thief = built.request();
    const cookie = `COOKIE_SUPPORT=true; JSESSIONID=${sessionId}`;
    const account = await thief.get('/account').set('Cookie', cookie);
    assert.equal(account.status, 302);
    assert.match(account.headers.location!, /^\/login\?return=/);
    const basket = await thief.get('/basket').set('Cookie', cookie);
    assert.match(basket.text, /Your basket is empty/);
    assert.doesNotMatch(basket.text, /Logged in as/);
    const reserve = await thief.post('/reservations').set('Cookie', cookie).type('form').send({ id: 'rec-emma' });
    assert.equal(reserve.status, 302);
    assert.match(reserve.headers.location!, /^\/login/);
    assert.deepEqual(await built.store.reservations.listForMember('m-1000000001'), []);
  });

  it('records login and logout in the audit log', async (t) => {
    const built = await build(t);
    const memberId = await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    await loginAs(visitor, '1000000001', '1234');
    await submit(visitor, '/logout', {}, { status: 302 });
    const { entries } = await built.store.audit.list({ memberId }, 0, 10);
    assert.deepEqual(entries.map((e) => e.action), ['logout', 'login']);
    assert.ok(entries.every((e) => e.card === '1000000001' && e.at === built.clock.now));
  });
});
