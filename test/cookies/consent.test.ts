import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, flashText, setCookie, submit } from '../helpers/build.js';
import { visitDay } from '../../src/cookies/analytics.js';

const BANNER = /Accept analytics cookies/;

describe('analytics consent', () => {
  it('asks on the first page, and sets no analytics cookie before an answer', async (t) => {
    const { browser, store, clock } = await build(t);
    const visitor = browser();
    for (const path of ['/', '/search?q=emma', '/record/rec-emma', '/cookies']) {
      const res = await visitor.get(path).expect(200);
      assert.match(res.text, BANNER, `banner on ${path}`);
      assert.equal(setCookie(res, 'SHELFMARK_VISITOR'), undefined, `no analytics cookie on ${path}`);
    }
    assert.deepEqual(await store.visits.daily(visitDay(clock.now), visitDay(clock.now)), []);
  });

  it('remembers an accept for a year, stops asking, and counts the visitor once a day', async (t) => {
    const { browser, store, clock } = await build(t);
    const visitor = browser();
    await visitor.get('/search?q=emma');
    const res = await submit(visitor, '/cookies/settings', { analytics: 'yes', return: '/search?q=emma' }, { status: 302 });
    assert.equal(res.headers.location, '/search?q=emma');
    assert.match(setCookie(res, 'COOKIE_CONSENT') ?? '', /^COOKIE_CONSENT=accepted;.*expires=/);
    assert.ok(setCookie(res, 'SHELFMARK_VISITOR'), 'the visitor id arrives with the consent');
    const page = await visitor.get('/search?q=emma').expect(200);
    assert.doesNotMatch(page.text, BANNER);
    assert.match(flashText(page.text) ?? '', /accepted analytics cookies/);
    assert.equal(setCookie(page, 'SHELFMARK_VISITOR'), undefined, 'set once, not on every page');
    await visitor.get('/record/rec-emma').expect(200);
    const today = visitDay(clock.now);
    assert.deepEqual(await store.visits.daily(today, today), [{ day: today, visitors: 1, returning: 0 }]);
  });

  it('counts the same browser as returning on a later day', async (t) => {
    const { browser, store, clock } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    await submit(visitor, '/cookies/settings', { analytics: 'yes' }, { status: 302 });
    await visitor.get('/').expect(200);
    const first = visitDay(clock.now);
    clock.advanceMinutes(24 * 60);
    await visitor.get('/').expect(200);
    const second = visitDay(clock.now);
    assert.deepEqual(await store.visits.daily(first, second), [
      { day: first, visitors: 1, returning: 0 },
      { day: second, visitors: 1, returning: 1 },
    ]);
  });

  it('deletes the analytics cookie when the visitor rejects after accepting, and stops counting', async (t) => {
    const { browser, store, clock } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    await submit(visitor, '/cookies/settings', { analytics: 'yes' }, { status: 302 });
    await visitor.get('/').expect(200);
    const res = await submit(visitor, '/cookies/settings', { analytics: 'no', return: '/' }, { status: 302 });
    assert.match(setCookie(res, 'SHELFMARK_VISITOR') ?? '', /^SHELFMARK_VISITOR=;.*expires=Thu, 01 Jan 1970/);
    assert.match(setCookie(res, 'COOKIE_CONSENT') ?? '', /^COOKIE_CONSENT=rejected;/);
    clock.advanceMinutes(24 * 60);
    const page = await visitor.get('/').expect(200);
    assert.doesNotMatch(page.text, BANNER);
    assert.equal(setCookie(page, 'SHELFMARK_VISITOR'), undefined);
    assert.deepEqual(await store.visits.daily(visitDay(clock.now), visitDay(clock.now)), [], 'nothing counted after rejecting');
  });

  it('deletes an analytics cookie a browser still sends without consent', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/').set('Cookie', 'COOKIE_SUPPORT=true; SHELFMARK_VISITOR=abcdefghijklmnopqrstuv').expect(200);
    assert.match(setCookie(res, 'SHELFMARK_VISITOR') ?? '', /^SHELFMARK_VISITOR=;.*expires=Thu, 01 Jan 1970/);
  });

  it('shows the settings page with the current choice, and asks again when nothing is chosen', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    const settings = await visitor.get('/cookies/settings').expect(200);
    assert.doesNotMatch(settings.text, /checked/);
    const res = await submit(visitor, '/cookies/settings', {}, { status: 400 });
    assert.match(res.text, /Choose whether to accept analytics cookies/);
    await submit(visitor, '/cookies/settings', { analytics: 'no' }, { status: 302 });
    const after = await visitor.get('/cookies/settings').expect(200);
    assert.match(after.text, /id="analytics-no" name="analytics" value="no" checked/);
  });

  it('answers a banner button from a browser that refuses cookies with its own page, never an error page, and then asks no more', async (t) => {
    const { request } = await build(t);
    const home = await request().get('/').expect(200);
    assert.match(home.text, /Cookies on Shelfmark/, 'the first page cannot know yet');
    const origin = 'http://127.0.0.1';
    const res = await request().post('/cookies/settings').set('Referer', `${origin}/search?q=emma`).type('form').send({ analytics: 'yes', return: '/search?q=emma' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/search?q=emma');
    assert.equal(setCookie(res, 'COOKIE_CONSENT'), undefined);
    assert.equal(setCookie(res, 'JSESSIONID'), undefined);
    const back = await request().get('/search?q=emma').set('Host', '127.0.0.1').set('Referer', `${origin}/search?q=emma`).expect(200);
    assert.doesNotMatch(back.text, /Cookies on Shelfmark/, 'no banner for a browser that returns no cookies');
    assert.match(back.text, /<div class="notice notice--cookies" id="cookies-off" role="note">/);
    assert.match(back.text, /does not seem to accept cookies/);
  });

  it('says on the login page, before anything is typed, that logging in needs cookies', async (t) => {
    const { request } = await build(t);
    const page = (await request().get('/login').expect(200)).text;
    assert.ok(page.indexOf('Logging in needs cookies') < page.indexOf('<form method="post" action="/login"'));
  });

  it('never sends a choice back to another site', async (t) => {
    const { browser } = await build(t);
    const visitor = browser();
    await visitor.get('/');
    const res = await submit(visitor, '/cookies/settings', { analytics: 'no', return: '//evil.example/' }, { status: 302 });
    assert.equal(res.headers.location, '/cookies/settings');
  });
});
