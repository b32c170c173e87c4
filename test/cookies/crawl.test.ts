import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type supertest from 'supertest';
import { build, csrfOf, flashText } from '../helpers/build.js';
import { declaredCookie } from '../../src/cookies/cookie-registry.js';

type Response = supertest.Response;

/** Every Set-Cookie header of a response. */
function setCookies(res: Response): string[] {
  const raw = res.headers['set-cookie'] as unknown;
  return Array.isArray(raw) ? raw : [];
}

/**
 * Check one Set-Cookie header against the registry, written out here on
 * purpose rather than through the app's own guard, so a mistake in the
 * guard cannot hide a broken promise.
 */
function assertDeclared(header: string, where: string, secure = false): void {
  const [pair = '', ...parts] = header.split(';').map((p) => p.trim());
  const name = pair.split('=')[0]!;
  const attrs = new Map(parts.map((p) => [p.split('=')[0]!.toLowerCase(), p.split('=')[1] ?? ''] as const));
  const declared = declaredCookie(name);
  assert.ok(declared, `${where}: ${name} is not declared on the cookies page`);
  assert.equal(attrs.has('httponly'), declared.httpOnly, `${where}: ${name} HttpOnly`);
  assert.equal(attrs.get('samesite'), declared.sameSite, `${where}: ${name} SameSite`);
  assert.equal(attrs.has('secure'), secure, `${where}: ${name} Secure`);
  const expires = attrs.get('expires');
  if (expires && Date.parse(expires) <= Date.now()) return; // a deletion
  if (declared.lifetime === 'session') assert.equal(expires, undefined, `${where}: ${name} must be a session cookie`);
  else assert.ok(Math.abs(Date.parse(expires ?? '') - Date.now() - declared.lifetime * 1000) < 60_000, `${where}: ${name} lifetime`);
}

/** Same-site links on a page (not files under /css or /js). */
function links(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((href) => !href.startsWith('//') && !/^\/(css|js)\//.test(href));
}

describe('every cookie the site sets is declared', () => {
  it('holds on every page reachable by links, before and after each consent answer and a basket', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    const seen = new Set<string>();
    const check = (res: Response, where: string) => setCookies(res).forEach((h) => assertDeclared(h, where));

    async function crawl(start: string[], limit: number): Promise<void> {
      const queue = [...start];
      const visited = new Set<string>();
      while (queue.length > 0 && visited.size < limit) {
        const path = queue.shift()!;
        if (visited.has(path)) continue;
        visited.add(path);
        const res = await visitor.get(path);
        assert.ok(res.status < 500, `${path} answered ${res.status}`);
        check(res, `GET ${path}`);
        setCookies(res).forEach((h) => seen.add(h.split('=')[0]!));
        if (res.type === 'text/html') queue.push(...links(res.text).filter((l) => !visited.has(l)));
      }
    }
    const post = async (path: string, fields: Record<string, string>) => {
      const res = await visitor.post(path).type('form').send({ ...fields, _csrf: await csrfOf(visitor) });
      check(res, `POST ${path}`);
      setCookies(res).forEach((h) => seen.add(h.split('=')[0]!));
    };

    await crawl(['/', '/no-such-page', '/record/no-such-record'], 60);
    await post('/basket/add', { id: 'rec-emma', return: '/basket' });
    await post('/cookies/settings', { analytics: 'yes', return: '/' });
    await crawl(['/', '/basket', '/cookies', '/privacy', '/search?q=austen'], 60);
    await post('/cookies/settings', { analytics: 'no', return: '/' });
    await post('/basket/empty', { return: '/basket', confirm: 'yes' });
    await crawl(['/'], 20);
    assert.deepEqual([...seen].sort(), ['COOKIE_CONSENT', 'COOKIE_SUPPORT', 'JSESSIONID', 'SHELFMARK_VISITOR']);
  });

  it('marks every cookie Secure behind an HTTPS proxy', async (t) => {
    const { browser } = await build(t, { env: { TRUST_PROXY: 'true' } });
    const visitor = browser();
    const https = (res: Response, where: string) => setCookies(res).forEach((h) => assertDeclared(h, where, true));
    https(await visitor.get('/').set('X-Forwarded-Proto', 'https'), 'GET /');
    const res = await visitor.post('/cookies/settings').set('X-Forwarded-Proto', 'https').set('Cookie', 'COOKIE_SUPPORT=true').type('form').send({ analytics: 'yes' });
    assert.equal(res.status, 302);
    https(res, 'POST /cookies/settings');
    assert.equal(setCookies(res).length, 3, 'consent, visitor and session cookies');
  });
});

describe('status messages', () => {
  it('stay in the session: no response ever puts the message in a cookie', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/search?q=emma');
    const steps: Array<[string, Record<string, string>]> = [
      ['/basket/add', { id: 'rec-emma', return: '/basket' }],
      ['/basket/add', { id: 'rec-emma', return: '/basket' }],
      ['/basket/remove', { id: 'rec-emma', return: '/basket' }],
      ['/cookies/settings', { analytics: 'no', return: '/basket' }],
      ['/basket/empty', { return: '/basket', confirm: 'yes' }],
    ];
    for (const [path, fields] of steps) {
      const posted = await visitor.post(path).type('form').send({ ...fields, _csrf: await csrfOf(visitor) });
      const shown = await visitor.get('/basket');
      const message = flashText(shown.text);
      assert.ok(message, `${path} leaves a status message`);
      for (const header of [...setCookies(posted), ...setCookies(shown)]) {
        assert.ok(declaredCookie(header.split('=')[0]!), `${header} is declared`);
        const value = decodeURIComponent(header.split(';')[0]!.split('=').slice(1).join('='));
        assert.ok(!/basket|analytics|emma/i.test(value), `${path}: the cookie ${header} carries no part of the message`);
      }
    }
  });
});
