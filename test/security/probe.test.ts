import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from '../helpers/build.js';
import { addMember } from '../helpers/members.js';
import { scryptPins } from '../../src/members/pin-hash.js';
import type { PinVerifier } from '../../src/http/deps.js';

/**
 * A bounded outside probe of a running Shelfmark over a real socket, as
 * `npm run test:security` runs it: the attacks the security review used
 * (parallel PIN guessing, forged X-Forwarded-For, hostile bodies and
 * return paths), each a regression test. About 20 s.
 */
async function serve(t: TestContext, env: Record<string, string> = {}) {
  let checks = 0;
  const pins: PinVerifier = {
    verify: (pin, stored) => { checks++; return scryptPins.verify(pin, stored); },
    decoy: (pin) => { checks++; return scryptPins.decoy(pin); },
  };
  const built = await build(t, { env, pins });
  await addMember(built.store, '1000000001', '1234');
  const handle = built.app.callback();
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(base + path, { method: 'POST', redirect: 'manual', headers: { Cookie: 'COOKIE_SUPPORT=true', 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body });
  return { base, post, checks: () => checks };
}

describe('security probe over a real socket', () => {
  it('300 parallel guesses on one card get at most 5 PIN checks; on 300 cards from one address at most 20', async (t) => {
    const one = await serve(t);
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => one.post('/login', `card=1000000001&pin=${i === 299 ? '1234' : 5000 + i}`)));
    t.diagnostic(`one card: ${one.checks()} PIN checks for 300 posts`);
    assert.ok(one.checks() <= 5);
    assert.ok(answers.every((r) => r.status === 401 || r.status === 429));
    const many = await serve(t);
    await Promise.all(Array.from({ length: 300 }, (_, i) => many.post('/login', `card=${4000000000 + i}&pin=0000`)));
    t.diagnostic(`one address: ${many.checks()} PIN checks for 300 posts on 300 cards`);
    assert.ok(many.checks() <= 20);
  });

  it('rotating the client-written part of X-Forwarded-For behind one proxy hop does not reset the address limit', async (t) => {
    const probe = await serve(t, { TRUST_PROXY: '1' });
    // What the client wrote, then what the proxy appended (the address it saw).
    const statuses = [];
    for (let i = 0; i < 22; i++) statuses.push((await probe.post('/login', `card=${5000000000 + i}&pin=0000`, { 'X-Forwarded-For': `10.${i}.0.1, 198.51.100.7` })).status);
    assert.equal(statuses.at(-1), 429);
  });

  it('sends the security headers, and HSTS only over HTTPS', async (t) => {
    const probe = await serve(t, { TRUST_PROXY: '1' });
    const plain = await fetch(`${probe.base}/`);
    assert.match(plain.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(plain.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(plain.headers.get('x-frame-options'), 'DENY');
    assert.equal(plain.headers.get('strict-transport-security'), null);
    const https = await fetch(`${probe.base}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    assert.match(https.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
  });

  it('answers hostile bodies with 400 or 415, never 500', async (t) => {
    const probe = await serve(t);
    const json = { 'Content-Type': 'application/json' };
    for (const [body, headers, status] of [
      ['{"id": ', json, 400], ['null', json, 400], ['{"__proto__":{"admin":true}}', json, 400], ['[1,2]', json, 400],
      ['{"id":"x"}', { ...json, 'Content-Encoding': 'x-bogus' }, 415],
      ['--b\r\nContent-Disposition: form-data; name="id"\r\n\r\nrec-emma\r\n--b--\r\n', { 'Content-Type': 'multipart/form-data; boundary=b' }, 415],
    ] as const) {
      assert.equal((await probe.post('/basket/add', body, headers)).status, status, body);
    }
  });

  it('never redirects off the site, whatever return path is posted', async (t) => {
    const probe = await serve(t);
    for (const hostile of ['//evil.example', '/.//evil.example', '/x/..//evil.example', '/%2e//evil.example', '/\\evil.example', 'https://evil.example']) {
      const res = await probe.post('/basket/add', `id=rec-emma&return=${encodeURIComponent(hostile)}`);
      const location = res.headers.get('location') ?? '';
      assert.equal(new URL(location, probe.base).origin, probe.base, `${hostile} → ${location}`);
    }
  });

  it('refuses searches over the request limits with a message, quickly', async (t) => {
    const probe = await serve(t);
    const facets = Array.from({ length: 20 }, (_, i) => `f=subject:s${i}`).join('&');
    for (const qs of [facets, 'per=100&page=500', `q=${Array.from({ length: 40 }, (_, i) => `w${i}`).join('+')}`]) {
      assert.equal((await fetch(`${probe.base}/search?${qs}`)).status, 400, qs);
    }
  });
});
