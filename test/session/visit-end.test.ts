import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, flashText, setCookie, submit } from '../helpers/build.js';
import { sessionIdFrom } from '../helpers/members.js';

const clockTime = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const endsIn = (html: string) => Number(/id="visit-notice" data-ends-in="(\d+)"/.exec(html)?.[1]);

describe('the end of a visit is announced', () => {
  it('the basket page says until when the basket is kept if left idle', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    const page = (await visitor.get('/basket')).text;
    assert.match(page, new RegExp(`If you do nothing more, it is kept until ${clockTime(built.clock.now + 30 * 60_000)}\\.`));
  });

  it('pages of a visit carry the idle notice with the time left, never later than the stored expiry', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    assert.match((await visitor.get('/')).text, /id="visit-notice" data-ends-in=""/, 'no visit, no time: the notice waits for one to begin');
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    assert.equal(endsIn((await visitor.get('/')).text), 30 * 60_000);
    built.clock.advanceMinutes(0.5);
    assert.equal(endsIn((await visitor.get('/')).text), 29.5 * 60_000, 'a view that writes nothing leaves the expiry where it was');
    const page = (await visitor.get('/')).text;
    assert.match(page, /<button type="submit">Keep my visit going<\/button>/);
    assert.match(page, /<a href="\/basket\/export\?format=ris">download it<\/a>/);
    assert.match(page, /log in and save it as a list/);
  });

  it('"Keep my visit going" renews the visit in one action', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    const sessionId = sessionIdFrom(await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 }))!;
    built.clock.advanceMinutes(29);
    const token = await csrfOf(visitor);
    built.clock.advanceMinutes(0.5);
    const res = await visitor.post('/visit/keep').set('Accept', 'application/json').type('form').send({ _csrf: token }).expect(200);
    assert.equal(res.body.kept, true);
    assert.equal(res.body.endsIn, 30 * 60_000);
    assert.equal((await built.store.sessions.read(sessionId, built.clock.now))!.expiresAt, built.clock.now + 30 * 60_000);
    built.clock.advanceMinutes(20);
    assert.match((await visitor.get('/basket')).text, /Emma/);
  });

  it('after a visit ended on its own, the next page says so once, and the one after does not', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    await visitor.get('/basket');
    built.clock.advanceMinutes(31);
    const next = await visitor.get('/search?q=emma');
    assert.equal(flashText(next.text), 'Your last visit ended after 30 minutes without activity, and its basket was emptied.');
    assert.match(setCookie(next, 'JSESSIONID') ?? '', /^JSESSIONID=;.*expires=Thu, 01 Jan 1970/);
    assert.equal(flashText((await visitor.get('/search?q=emma')).text), undefined);
  });

  it('an add after the visit ended says the old basket was emptied, and the reply counts the new one', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    await visitor.get('/');
    await visitor.post('/basket/add').set('Accept', 'application/json').type('form').send({ id: ['rec-emma', 'rec-jane-eyre'] }).expect(200);
    built.clock.advanceMinutes(31);
    const res = await visitor.post('/basket/add').set('Accept', 'application/json').type('form').send({ id: 'rec-miserables' }).expect(200);
    const fresh = sessionIdFrom(res);
    assert.ok(fresh);
    assert.equal(res.body.visitEnded, true);
    assert.equal(res.body.count, 1);
    assert.equal(res.body.message, 'Your last visit ended after 30 minutes without activity, and its basket was emptied. Added ‘Les Misérables’ to a new basket.');
    const noScript = await visitor.post('/basket/add').type('form').send({ id: 'rec-emma', _csrf: await csrfOf(visitor) }).expect(302);
    assert.equal(sessionIdFrom(noScript) ?? fresh, fresh, 'the new visit goes on');
    assert.doesNotMatch(String(flashText((await visitor.get('/basket')).text)), /ended/, 'said once');
  });

  it('"Keep my visit going" after the visit ended says so instead', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    const token = await csrfOf(visitor);
    built.clock.advanceMinutes(31);
    const res = await visitor.post('/visit/keep').set('Accept', 'application/json').type('form').send({ _csrf: token }).expect(200);
    assert.equal(res.body.kept, false);
    assert.match(res.body.message, /Your last visit ended/);
  });
});
