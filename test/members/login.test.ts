import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, flashText, setCookie, submit, type Built } from '../helpers/build.js';
import { addMember, loginAs, sessionIdFrom } from '../helpers/members.js';

const ADA = { card: '1000000001', pin: '1234' };

async function withAda(t: Parameters<typeof build>[0]): Promise<Built> {
  const built = await build(t);
  await addMember(built.store, ADA.card, ADA.pin, { name: 'Ada Lovelace' });
  return built;
}

/** What a browser holding only this JSESSIONID would see. */
function replay(built: Built, sessionId: string, path: string) {
  return built.request().get(path).set('Cookie', `COOKIE_SUPPORT=true; JSESSIONID=${sessionId}`);
}

const loginError = (html: string) => /<div class="notice notice--error" role="alert" id="login-error">\s*<p>([^<]*)<\/p>/.exec(html)?.[1];

describe('logging in with card and PIN', () => {
  it('goes back to the page the member came from and greets them by first name in the header', async (t) => {
    const built = await withAda(t);
    const visitor = built.browser();
    const res = await loginAs(visitor, ADA.card, ADA.pin, '/search?q=emma&page=1');
    assert.equal(res.headers.location, '/search?q=emma&page=1');
    const page = await visitor.get('/search?q=emma');
    assert.match(page.text, /Logged in as Ada</);
    assert.equal(flashText(page.text), 'You are now logged in.');
    assert.doesNotMatch(page.text, /href="\/login/);
  });

  it('accepts the card number typed with spaces', async (t) => {
    const built = await withAda(t);
    await loginAs(built.browser(), ' 1000 0000 01 ', ADA.pin);
  });

  it('keeps the basket, under a new session id', async (t) => {
    const built = await withAda(t);
    const visitor = built.browser();
    await visitor.get('/');
    const added = await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-jane-eyre'] }, { status: 302 });
    const before = sessionIdFrom(added);
    const res = await loginAs(visitor, ADA.card, ADA.pin);
    const after = sessionIdFrom(res);
    assert.ok(before && after && before !== after, 'a new id is issued');
    const titles = [...(await visitor.get('/basket')).text.matchAll(/class="basket__title">([^<]+)</g)].map((m) => m[1]);
    // The basket shows the subtitle with the title (issue 21).
    assert.deepEqual(titles, ['Emma', 'Jane Eyre: an autobiography']);
  });

  it('kills the session id from before the login (no session fixation)', async (t) => {
    const built = await withAda(t);
    const visitor = built.browser();
    await visitor.get('/');
    const before = sessionIdFrom(await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 }));
    assert.ok(before, 'the basket add starts the visit');
    await visitor.get('/login');
    await loginAs(visitor, ADA.card, ADA.pin);
    assert.equal(await built.store.sessions.get(before, built.clock.now), null, 'gone from the store');
    const old = await replay(built, before, '/account');
    assert.equal(old.status, 302);
    assert.equal(old.headers.location, '/login?return=%2Faccount');
    const basket = await replay(built, before, '/basket');
    assert.match(basket.text, /Your basket is empty/);
    assert.match((await visitor.get('/account')).text, /<h1>Your account<\/h1>/, 'the new id works');
  });

  it('gives one and the same message for a wrong PIN and for a card nobody has', async (t) => {
    const built = await withAda(t);
    const visitor = built.browser();
    await visitor.get('/login');
    const wrongPin = await submit(visitor, '/login', { card: ADA.card, pin: '9999' });
    const noCard = await submit(visitor, '/login', { card: '5555555555', pin: '1234' });
    assert.equal(wrongPin.status, 401);
    assert.equal(noCard.status, 401);
    assert.equal(loginError(wrongPin.text), 'The card number or PIN is not correct. Please check both and try again.');
    assert.equal(loginError(noCard.text), loginError(wrongPin.text));
    assert.doesNotMatch((await visitor.get('/')).text, /Logged in as/);
  });

  it('keeps the card number in the form after a failure, but never the PIN', async (t) => {
    const built = await withAda(t);
    const visitor = built.browser();
    await visitor.get('/login');
    const res = await submit(visitor, '/login', { card: ADA.card, pin: '9876' });
    assert.match(res.text, /name="card"[^>]*value="1000000001"/);
    assert.doesNotMatch(res.text, /9876/);
  });

  it('sends a visitor who is not logged in to log in, and then back', async (t) => {
    const built = await withAda(t);
    const visitor = built.browser();
    const res = await visitor.get('/account').expect(302);
    assert.equal(res.headers.location, '/login?return=%2Faccount');
    const form = await visitor.get(res.headers.location);
    assert.match(form.text, /name="return" value="\/account"/);
    const login = await loginAs(visitor, ADA.card, ADA.pin, '/account');
    assert.equal(login.headers.location, '/account');
  });

  it('offers a "Log in" link in the header that comes back to the current page', async (t) => {
    const built = await withAda(t);
    const page = await built.browser().get('/search?q=emma');
    assert.match(page.text, /<a href="\/login\?return=%2Fsearch%3Fq%3Demma">Log in<\/a>/);
  });
});

describe('where login sends the member afterwards', () => {
  for (const attempt of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/%0d%0aLocation:%20https://evil.example', 'http:/evil.example']) {
    it(`never leaves the site for return=${attempt}`, async (t) => {
      const built = await withAda(t);
      const visitor = built.browser();
      await visitor.get(`/login?return=${encodeURIComponent(attempt)}`).expect(200);
      const res = await submit(visitor, '/login', { card: ADA.card, pin: ADA.pin, return: attempt }, { status: 302 });
      const location = res.headers.location!;
      assert.ok(location.startsWith('/') && !location.startsWith('//') && !location.includes('\\'), location);
      assert.equal(new URL(location, 'http://shelfmark.test').host, 'shelfmark.test');
    });
  }
});

describe('logging in needs cookies', () => {
  it('says why when the browser sends no cookies back', async (t) => {
    const built = await withAda(t);
    const res = await built.request().post('/login').type('form').send({ card: ADA.card, pin: ADA.pin });
    assert.equal(res.status, 400);
    assert.match(res.text, /Cookies are needed for the basket and logging in/);
    assert.equal(setCookie(res, 'JSESSIONID'), undefined);
  });
});
