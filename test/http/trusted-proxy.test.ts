import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, setCookie, type Built } from '../helpers/build.js';
import { throttleKeys } from '../../src/members/throttle.js';
import { clientOrigin, parseTrustProxy } from '../../src/http/trusted-proxy.js';

/** One failed login sent with the given X-Forwarded-For header; returns its status. */
async function failWith(built: Built, forwardedFor: string): Promise<number> {
  const v = built.browser();
  await v.get('/');
  const _csrf = await csrfOf(v);
  const res = await v.post('/login').set('X-Forwarded-For', forwardedFor).type('form').send({ card: '7000000001', pin: '0000', _csrf });
  return res.status;
}

/** How many attempts the throttle has counted against one address. */
async function attemptsFrom(built: Built, address: string): Promise<number> {
  return (await built.store.loginAttempts.get(throttleKeys('', address).address, built.clock.now)).attempts;
}

describe('trusted proxies and the client address', () => {
  it('behind one proxy hop, reads the address the proxy appended, so rotating X-Forwarded-For does not dodge the address limit', async (t) => {
    const built = await build(t, { env: { TRUST_PROXY: '1' } });
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push(await failWith(built, `10.9.${i}.1, 198.51.100.7`));
    assert.equal(statuses.at(-1), 429);
    assert.equal(await attemptsFrom(built, '198.51.100.7'), 21);
  });

  it('reads TRUST_PROXY=true as one hop, so the client-written leftmost entry is never used', async (t) => {
    const built = await build(t, { env: { TRUST_PROXY: 'true' } });
    await failWith(built, '203.0.113.99, 198.51.100.7');
    assert.equal(await attemptsFrom(built, '198.51.100.7'), 1);
    assert.equal(await attemptsFrom(built, '203.0.113.99'), 0);
  });

  it('with a list of proxy addresses and ranges, walks from the right past trusted proxies to the first address it does not trust', async (t) => {
    const built = await build(t, { env: { TRUST_PROXY: '127.0.0.1, ::1, 10.0.0.0/8' } });
    await failWith(built, '203.0.113.99, 198.51.100.7, 10.1.2.3');
    assert.equal(await attemptsFrom(built, '198.51.100.7'), 1);
    assert.equal(await attemptsFrom(built, '203.0.113.99'), 0);
  });

  it('trusts nothing forwarded by a peer that is not in the list', async (t) => {
    const built = await build(t, { env: { TRUST_PROXY: '10.0.0.0/8' } });
    await failWith(built, '198.51.100.7');
    assert.equal(await attemptsFrom(built, '198.51.100.7'), 0);
    const res = await built.request().get('/').set('X-Forwarded-Proto', 'https');
    assert.doesNotMatch(setCookie(res, 'COOKIE_SUPPORT')!, /Secure/i);
  });

  it('ignores X-Forwarded-For entirely when TRUST_PROXY is off', async (t) => {
    const built = await build(t);
    await failWith(built, '198.51.100.7');
    assert.equal(await attemptsFrom(built, '198.51.100.7'), 0);
  });
});

describe('reading the client address from the right', () => {
  const none = () => false;
  it('counts hops from the socket: two hops skip the load balancer and nginx', () => {
    assert.equal(clientOrigin({ kind: 'hops', hops: 2 }, none, '10.0.0.5', 'forged, 198.51.100.7, 10.0.0.9').address, '198.51.100.7');
  });
  it('falls back to the leftmost entry when the chain is shorter than the hops', () => {
    assert.equal(clientOrigin({ kind: 'hops', hops: 3 }, none, '10.0.0.5', '198.51.100.7').address, '198.51.100.7');
  });
  it('refuses values that are neither hops nor addresses', () => {
    assert.equal(typeof parseTrustProxy('10.0.0.0/33'), 'string');
    assert.equal(typeof parseTrustProxy('nginx'), 'string');
    assert.deepEqual(parseTrustProxy('fd00::/8'), { kind: 'list', entries: ['fd00::/8'] });
  });
});
