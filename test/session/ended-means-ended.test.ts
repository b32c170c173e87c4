import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { build, csrfOf, gate, submit, type Built } from '../helpers/build.js';
import { addMember, loginAs, sessionIdFrom } from '../helpers/members.js';
import { smtpServer } from '../helpers/smtp.js';
import type { Store } from '../../src/storage/store.js';

/** The old id, replayed as a thief at a shared PC would: nobody is logged in and the basket is empty. */
async function assertWorthless(built: Built, sessionId: string): Promise<void> {
  assert.equal(await built.store.sessions.get(sessionId, built.clock.now), null, 'no session row under the old id');
  assert.deepEqual(await built.store.baskets.list(sessionId), []);
  const cookie = `COOKIE_SUPPORT=true; JSESSIONID=${sessionId}`;
  const account = await built.request().get('/account').set('Cookie', cookie);
  assert.equal(account.status, 302);
  assert.match(account.headers.location!, /^\/login/);
  const basket = await built.request().get('/basket').set('Cookie', cookie);
  assert.match(basket.text, /Your basket is empty/);
  assert.doesNotMatch(basket.text, /Logged in as/);
}

/** A member logged in with one item in the basket; returns the visitor and the session id. */
async function loggedInWithBasket(built: Built) {
  await addMember(built.store, '1000000001', '1234');
  const visitor = built.browser();
  const sessionId = sessionIdFrom(await loginAs(visitor, '1000000001', '1234'))!;
  await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
  return { visitor, sessionId };
}

describe('ended means ended: a request in flight at logout cannot bring the visit back', () => {
  it('a basket add held up in the store while the member logs out adds nothing and leaves the old id worthless', async (t) => {
    let hold: ReturnType<typeof gate> | undefined;
    const built = await build(t, {
      wrapStore: (store: Store) => ({
        ...store,
        records: { ...store.records, getMany: async (ids: string[]) => { await hold?.pass(); return store.records.getMany(ids); } },
      }),
    });
    const { visitor, sessionId } = await loggedInWithBasket(built);
    const token = await csrfOf(visitor);
    hold = gate();
    const slowAdd = visitor.post('/basket/add').type('form').send({ id: 'rec-jane-eyre', _csrf: token }).then((r) => r);
    await hold.reached;
    const held = hold;
    hold = undefined;
    await submit(visitor, '/logout', {}, { status: 302 });
    held.open();
    const res = await slowAdd;
    assert.equal(res.status, 409, 'the add is refused: the visit it belonged to has ended');
    await assertWorthless(built, sessionId);
  });

  it('a basket email held up by a slow mail server while the member logs out leaves the old id worthless', async (t) => {
    let hold: ReturnType<typeof gate> | undefined;
    const smtp = await smtpServer(t, { beforeAccept: async () => hold?.pass() });
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://catalogue.example' } });
    const { visitor, sessionId } = await loggedInWithBasket(built);
    const token = await csrfOf(visitor);
    hold = gate();
    const slowMail = visitor.post('/basket/email').type('form').send({ to: 'reader@example.org', _csrf: token }).then((r) => r);
    await hold.reached;
    const held = hold;
    hold = undefined;
    await submit(visitor, '/logout', {}, { status: 302 });
    held.open();
    assert.equal((await slowMail).status, 302);
    await assertWorthless(built, sessionId);
  });

  it('a form whose body is still arriving when the member logs out leaves the old id worthless', async (t) => {
    let seen: ReturnType<typeof gate> | undefined;
    const built = await build(t, {
      wrapStore: (store: Store) => ({
        ...store,
        sessions: { ...store.sessions, read: async (id: string, now: number) => { const s = await store.sessions.read(id, now); await seen?.pass(); return s; } },
      }),
    });
    const { visitor, sessionId } = await loggedInWithBasket(built);
    const token = await csrfOf(visitor);
    const handle = built.app.callback();
    const server = http.createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const body = new URLSearchParams({ id: 'rec-jane-eyre', _csrf: token }).toString();
    let slowBodyRest: () => void = () => undefined;
    seen = gate();
    const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1', port: (server.address() as AddressInfo).port, method: 'POST', path: '/basket/add',
        headers: { Cookie: `COOKIE_SUPPORT=true; JSESSIONID=${sessionId}`, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      }, (res) => { res.resume(); resolve(res); });
      req.on('error', reject);
      // Half the body now; the rest only once logout has finished.
      req.write(body.slice(0, 5));
      req.flushHeaders();
      slowBodyRest = () => req.end(body.slice(5));
    });
    // The request has read its session, and waits for the rest of its body, when the member logs out.
    await seen.reached;
    seen.open();
    seen = undefined;
    await submit(visitor, '/logout', {}, { status: 302 });
    slowBodyRest();
    const res = await answered;
    assert.equal(res.statusCode, 409);
    await assertWorthless(built, sessionId);
  });
});

describe('requests that change nothing write nothing', () => {
  it('page views within a minute of the last save leave the session row alone, and a later one renews it', async (t) => {
    const writes: string[] = [];
    const built = await build(t, {
      wrapStore: (store: Store) => ({
        ...store,
        sessions: {
          ...store.sessions,
          set: async (...args) => { writes.push('set'); return store.sessions.set(...args); },
          update: async (...args) => { writes.push('update'); return store.sessions.update(...args); },
        },
      }),
    });
    const visitor = built.browser();
    await visitor.get('/');
    const sessionId = sessionIdFrom(await visitor.post('/basket/add').type('form').send({ id: 'rec-emma' }).expect(302))!;
    await visitor.get('/basket').expect(200); // shows the status message once: that changes the session
    const { expiresAt } = (await built.store.sessions.read(sessionId, built.clock.now))!;
    writes.length = 0;
    built.clock.advanceMinutes(0.5);
    for (const path of ['/', '/search?q=emma', '/basket', '/record/rec-emma']) await visitor.get(path);
    assert.deepEqual(writes, [], 'nothing written for views that change nothing');
    assert.equal((await built.store.sessions.read(sessionId, built.clock.now))!.expiresAt, expiresAt);
    built.clock.advanceMinutes(1);
    await visitor.get('/');
    assert.deepEqual(writes, ['update']);
    assert.equal((await built.store.sessions.read(sessionId, built.clock.now))!.expiresAt, built.clock.now + 30 * 60_000);
  });
});
