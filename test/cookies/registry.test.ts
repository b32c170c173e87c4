import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import supertest from 'supertest';
import { build } from '../helpers/build.js';
import { COOKIES } from '../../src/cookies/cookie-registry.js';
import { setDeclaredCookie } from '../../src/cookies/declared-cookie.js';

/** Names of the cookies a response sets. */
function names(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : []).map((c: string) => c.split('=')[0]!);
}

describe('the cookie registry is enforced', () => {
  it('fails the request and withholds a cookie that is not in the registry', async (t) => {
    const { app } = await build(t);
    app.use(async (ctx) => {
      ctx.cookies.set('TRACKER', 'x', { httpOnly: true, sameSite: 'lax' });
      ctx.body = 'hello';
    });
    const res = await supertest(app.callback()).get('/not-a-page');
    assert.equal(res.status, 500);
    assert.ok(!names(res).includes('TRACKER'), 'the undeclared cookie never reaches the browser');
    assert.ok(names(res).includes('COOKIE_SUPPORT'), 'declared cookies still go out');
  });

  it('fails a declared cookie set with other flags than the registry says', async (t) => {
    const { app } = await build(t);
    app.use(async (ctx) => {
      ctx.cookies.set(COOKIES.consent.name, 'accepted', { httpOnly: false, sameSite: 'lax' });
      ctx.body = 'hello';
    });
    const res = await supertest(app.callback()).get('/not-a-page');
    assert.equal(res.status, 500);
    assert.ok(!names(res).includes('COOKIE_CONSENT'));
  });

  it('fails a declared cookie set for longer than its declared lifetime', async (t) => {
    const { app } = await build(t);
    app.use(async (ctx) => {
      ctx.cookies.set(COOKIES.consent.name, 'accepted', { httpOnly: true, sameSite: 'lax', maxAge: 2 * 365 * 24 * 3600_000 });
      ctx.body = 'hello';
    });
    const res = await supertest(app.callback()).get('/not-a-page');
    assert.equal(res.status, 500);
  });

  it('lets a cookie set through its registry entry through unchanged', async (t) => {
    const { app } = await build(t);
    app.use(async (ctx) => {
      setDeclaredCookie(ctx, COOKIES.consent, 'rejected');
      ctx.body = 'hello';
    });
    const res = await supertest(app.callback()).get('/not-a-page');
    assert.equal(res.status, 200);
    assert.ok(names(res).includes('COOKIE_CONSENT'));
  });
});
