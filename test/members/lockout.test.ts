import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, submit, type Built } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';

const LOCKED = 'This card is locked for 15 minutes after too many failed attempts. Please try again later, or ask at any branch.';
const WRONG = 'The card number or PIN is not correct. Please check both and try again.';
const loginError = (html: string) => /id="login-error">\s*<p>([^<]*)<\/p>/.exec(html)?.[1];

async function visitor(built: Built) {
  const v = built.browser();
  await v.get('/');
  await v.get('/login');
  return v;
}

/** Five wrong PINs in a row for one card; returns the messages shown. */
async function failFiveTimes(built: Built, card: string): Promise<Array<string | undefined>> {
  const v = await visitor(built);
  const messages = [];
  for (let i = 0; i < 5; i++) messages.push(loginError((await submit(v, '/login', { card, pin: '0000' })).text));
  return messages;
}

describe('throttling repeated login failures', () => {
  it('locks a card after 5 failures, says so, and refuses even the right PIN for 15 minutes', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    assert.deepEqual(await failFiveTimes(built, '1000000001'), [WRONG, WRONG, WRONG, WRONG, LOCKED]);
    const v = await visitor(built);
    const refused = await submit(v, '/login', { card: '1000000001', pin: '1234' });
    assert.equal(refused.status, 429);
    assert.equal(loginError(refused.text), LOCKED);
    built.clock.advanceMinutes(14);
    assert.equal(loginError((await submit(v, '/login', { card: '1000000001', pin: '1234' })).text), LOCKED);
    built.clock.advanceMinutes(1);
    await loginAs(v, '1000000001', '1234');
  });

  it('locks a card nobody has in exactly the same way, so a lock says nothing about whether a card exists', async (t) => {
    const built = await build(t);
    assert.deepEqual(await failFiveTimes(built, '5555555555'), [WRONG, WRONG, WRONG, WRONG, LOCKED]);
  });

  it('does not lock other cards when one is locked', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000002', '2345');
    await failFiveTimes(built, '1000000001');
    await loginAs(built.browser(), '1000000002', '2345');
  });

  it('starts counting afresh after a successful login', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const v = await visitor(built);
    for (let i = 0; i < 4; i++) await submit(v, '/login', { card: '1000000001', pin: '0000' });
    await loginAs(built.browser(), '1000000001', '1234');
    const after = await visitor(built);
    for (let i = 0; i < 4; i++) assert.equal(loginError((await submit(after, '/login', { card: '1000000001', pin: '0000' })).text), WRONG);
  });

  it('makes one address wait after 20 failures, whichever cards were tried', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const v = await visitor(built);
    for (let i = 0; i < 20; i++) await submit(v, '/login', { card: `20000000${String(i).padStart(2, '0')}`, pin: '0000' });
    const res = await submit(v, '/login', { card: '1000000001', pin: '1234' });
    assert.equal(res.status, 429);
    assert.match(loginError(res.text) ?? '', /Too many failed login attempts have come from your connection/);
    built.clock.advanceMinutes(15);
    await loginAs(v, '1000000001', '1234');
  });

  it('records each failure in the audit log with the card tried, never the PIN', async (t) => {
    const built = await build(t);
    const memberId = await addMember(built.store, '1000000001', '1234');
    const v = await visitor(built);
    await submit(v, '/login', { card: '1000000001', pin: '8642' });
    await submit(v, '/login', { card: '5555555555', pin: '9753' });
    const { entries } = await built.store.audit.list({ action: 'login-failed' }, 0, 10);
    assert.deepEqual(entries.map((e) => [e.card, e.memberId, e.target]), [['5555555555', null, 'invalid'], ['1000000001', memberId, 'invalid']]);
    assert.doesNotMatch(JSON.stringify(entries), /8642|9753/);
  });
});
