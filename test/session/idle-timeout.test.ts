import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, setCookie } from '../helpers/build.js';

/** Log in nothing, just start a visit with one item in the basket; returns the session id. */
async function visitWithBasket(visitor: ReturnType<Awaited<ReturnType<typeof build>>['browser']>) {
  await visitor.get('/');
  const res = await visitor.post('/basket/add').type('form').send({ id: 'rec-emma' }).expect(302);
  return setCookie(res, 'JSESSIONID')!.split(';')[0]!.split('=')[1]!;
}

describe('the visit ends on the server after the idle timeout', () => {
  it('keeps the basket while the member keeps using the site', async (t) => {
    const { browser, clock } = await build(t);
    const visitor = browser();
    await visitWithBasket(visitor);
    for (let i = 0; i < 4; i++) {
      clock.advanceMinutes(20);
      const page = await visitor.get('/basket').expect(200);
      assert.match(page.text, /Emma/, `still there after ${(i + 1) * 20} minutes of activity`);
    }
  });

  it('forgets the basket after 30 idle minutes even if the browser still sends the cookie', async (t) => {
    const { browser, clock, store } = await build(t);
    const visitor = browser();
    const id = await visitWithBasket(visitor);
    clock.advanceMinutes(31);
    const page = await visitor.get('/basket').expect(200);
    assert.match(page.text, /Your basket is empty/);
    assert.equal(await store.sessions.get(id, clock.now), null);
  });

  it('honours SESSION_IDLE_MINUTES', async (t) => {
    const { browser, clock } = await build(t, { env: { SESSION_IDLE_MINUTES: '5' } });
    const visitor = browser();
    await visitWithBasket(visitor);
    clock.advanceMinutes(4);
    assert.match((await visitor.get('/basket')).text, /Emma/);
    clock.advanceMinutes(6);
    assert.match((await visitor.get('/basket')).text, /Your basket is empty/);
  });

  it('purges expired sessions together with their baskets', async (t) => {
    const { browser, clock, store } = await build(t);
    const id = await visitWithBasket(browser());
    clock.advanceMinutes(31);
    assert.equal(await store.sessions.purgeExpired(clock.now), 1);
    assert.deepEqual(await store.baskets.list(id), []);
  });

  it('a restored cookie for an expired visit starts a new, empty visit with a new id', async (t) => {
    const { browser, request, clock } = await build(t);
    const id = await visitWithBasket(browser());
    clock.advanceMinutes(45);
    const replay = await request().post('/basket/add').set('Cookie', `COOKIE_SUPPORT=true; JSESSIONID=${id}`)
      .type('form').send({ id: 'rec-jane-eyre' }).expect(302);
    const fresh = setCookie(replay, 'JSESSIONID')!.split(';')[0]!.split('=')[1]!;
    assert.notEqual(fresh, id);
    const basket = await request().get('/basket').set('Cookie', `COOKIE_SUPPORT=true; JSESSIONID=${fresh}`);
    assert.match(basket.text, /Jane Eyre/);
    assert.doesNotMatch(basket.text, /Emma/);
  });
});
