import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, setCookie } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';

/** Every attribute of one Set-Cookie header, lower-cased names. */
function attributes(header: string): Map<string, string> {
  const [, ...parts] = header.split(';');
  return new Map(parts.map((p) => {
    const [k, v = ''] = p.trim().split('=');
    return [k!.toLowerCase(), v];
  }));
}

describe('cookies and the visit', () => {
  it('sets COOKIE_SUPPORT on the first response, as an essential session cookie', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/').expect(200);
    const cookie = setCookie(res, 'COOKIE_SUPPORT');
    assert.ok(cookie, 'COOKIE_SUPPORT is set');
    const attrs = attributes(cookie);
    assert.ok(attrs.has('httponly'));
    assert.equal(attrs.get('samesite'), 'lax');
    assert.ok(!attrs.has('expires') && !attrs.has('max-age'), 'lasts only for the browser session');
  });

  it('creates no session for a visitor who only searches and reads', async (t) => {
    const { browser, store } = await build(t);
    const visitor = browser();
    for (const path of ['/', '/search?q=emma', '/record/rec-emma', '/basket']) {
      const res = await visitor.get(path).expect(200);
      assert.equal(setCookie(res, 'JSESSIONID'), undefined, `no JSESSIONID on ${path}`);
    }
    assert.equal(await store.sessions.purgeExpired(Number.MAX_SAFE_INTEGER), 0, 'nothing was stored');
  });

  it('gives JSESSIONID only a random key of at least 128 bits, with the promised attributes', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    const res = await visitor.post('/basket/add').type('form').send({ id: 'rec-emma', return: '/' }).expect(302);
    const cookie = setCookie(res, 'JSESSIONID');
    assert.ok(cookie, 'JSESSIONID is set once there is a basket');
    const value = cookie.split(';')[0]!.split('=')[1]!;
    assert.match(value, /^[A-Za-z0-9_-]{43,}$/, 'base64url of 32 random bytes');
    assert.ok(!/emma|austen/i.test(decodeURIComponent(value)), 'no data in the cookie');
    const attrs = attributes(cookie);
    assert.ok(attrs.has('httponly'));
    assert.equal(attrs.get('samesite'), 'lax');
    assert.ok(!attrs.has('expires') && !attrs.has('max-age'), 'a session cookie');
    assert.ok(!attrs.has('secure'), 'not Secure over plain HTTP');
    const names = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split('=')[0]);
    assert.deepEqual(names.filter((n) => n !== 'COOKIE_SUPPORT'), ['JSESSIONID'], 'no other cookie (no signature cookie)');
  });

  it('keeps JSESSIONID a browser-session cookie once a member logs in, and on the pages after', async (t) => {
    // startMemberVisit resets koa-session's internal sessionOptions.maxAge after regenerate(). Without it the
    // session is stored with koa-session's one-day lifetime, which the next page turns into a Max-Age cookie
    // (and the cookie guard into a 500). koa-session is pinned exactly; this test is what an upgrade must pass.
    const { browser, store } = await build(t);
    await addMember(store, '1000000001', '1234');
    const visitor = browser();
    await visitor.get('/');
    await visitor.post('/basket/add').type('form').send({ id: 'rec-emma' }).expect(302);
    const login = await loginAs(visitor, '1000000001', '1234');
    const responses = [login];
    for (const path of ['/', '/basket']) responses.push(await visitor.get(path).expect(200));
    const cookies = responses.map((res) => setCookie(res, 'JSESSIONID')).filter((c) => c !== undefined);
    assert.ok(setCookie(login, 'JSESSIONID'), 'logging in sets a new JSESSIONID');
    for (const cookie of cookies) {
      const attrs = attributes(cookie);
      assert.ok(!attrs.has('expires') && !attrs.has('max-age'), `a browser-session cookie, not ${cookie}`);
    }
  });

  it('marks both cookies Secure behind an HTTPS proxy when TRUST_PROXY is on', async (t) => {
    const { browser } = await build(t, { env: { TRUST_PROXY: 'true' } });
    const visitor = browser();
    const first = await visitor.get('/').set('X-Forwarded-Proto', 'https');
    assert.ok(attributes(setCookie(first, 'COOKIE_SUPPORT')!).has('secure'));
    const res = await visitor.post('/basket/add').set('X-Forwarded-Proto', 'https').set('Cookie', 'COOKIE_SUPPORT=true')
      .type('form').send({ id: 'rec-emma' }).expect(302);
    assert.ok(attributes(setCookie(res, 'JSESSIONID')!).has('secure'));
  });

  it('ignores X-Forwarded-Proto when TRUST_PROXY is off', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/').set('X-Forwarded-Proto', 'https');
    assert.ok(!attributes(setCookie(res, 'COOKIE_SUPPORT')!).has('secure'));
  });

  it('tells a member whose browser refuses cookies that the basket needs them, instead of losing the add', async (t) => {
    const { request } = await build(t);
    const res = await request().post('/basket/add').type('form').send({ id: 'rec-emma', return: '/search?q=emma' });
    assert.equal(res.status, 400);
    assert.match(res.text, /Cookies are needed for the basket and logging in/);
    assert.equal(setCookie(res, 'JSESSIONID'), undefined);
  });

  it('warns on pages reached from the site when the browser sent no cookie back', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/basket').set('Referer', 'http://127.0.0.1/search?q=emma').set('Host', '127.0.0.1');
    assert.match(res.text, /<div class="notice notice--cookies" id="cookies-off" role="note">\s*<p><strong>Your browser does not seem to accept cookies/);
    const fresh = await request().get('/');
    assert.match(fresh.text, /<div class="notice notice--cookies" id="cookies-off" role="note" hidden data-check="yes">/, 'hidden on a first visit (visit.js shows it if the browser says cookies are off)');
  });

  it('tells a first page\'s script whether the browser returned the cookie it set', async (t) => {
    const { browser, request } = await build(t);
    assert.deepEqual((await request().get('/visit/cookies').expect(200)).body, { returned: false });
    const visitor = browser();
    await visitor.get('/');
    assert.deepEqual((await visitor.get('/visit/cookies').expect(200)).body, { returned: true });
  });
});
