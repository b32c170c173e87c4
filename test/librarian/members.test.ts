import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { flashText, submit } from '../helpers/build.js';
import { loginAs } from '../helpers/members.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { consoleApp, LIBRARIAN, MEMBER } from './helpers.js';
import { tableRows } from './tables.js';

const ADA_ID = `m-${MEMBER.card}`;
const LIBRARIAN_ID = `m-${LIBRARIAN.card}`;
const NEW_MEMBER = { card: '1000 0000 77', name: 'Mary Shelley', email: 'mary@example.org', homeBranch: 'Riverside' };
const shownPin = (html: string) => /<strong class="pin">(\d+)<\/strong>/.exec(html)?.[1];
const auditOf = async (built: Awaited<ReturnType<typeof consoleApp>>, action: string) =>
  (await built.store.audit.list({}, 0, 100)).entries.filter((e) => e.action === action).map((e) => [e.memberId, e.card, e.target]);

/** Logging in as a fresh browser: the status code the form answers, and its message. */
async function tryLogin(built: Awaited<ReturnType<typeof consoleApp>>, card: string, pin: string) {
  const visitor = built.browser();
  await visitor.get('/login');
  const res = await submit(visitor, '/login', { card, pin });
  return { status: res.status, error: /<div class="notice notice--error"[^>]*>\s*<p>([^<]*)<\/p>/.exec(res.text)?.[1] };
}

describe('librarians managing members', () => {
  it('adds a member, shows their new PIN once, and the member can log in with it', async (t) => {
    const built = await consoleApp(t);
    const res = await submit(built.librarian, '/librarian/members', NEW_MEMBER, { status: 201 });
    const pin = shownPin(res.text);
    assert.match(pin ?? '', /^\d{6}$/);
    const mary = await built.store.members.getByCard('1000000077');
    assert.equal(mary?.name, 'Mary Shelley');
    assert.equal(mary?.homeBranch, 'Riverside');
    assert.equal(mary?.role, 'member');
    assert.deepEqual(await auditOf(built, 'member-add'), [[LIBRARIAN_ID, LIBRARIAN.card, mary.id]]);
    const again = (await built.librarian.get(`/librarian/members/${mary.id}`).expect(200)).text;
    assert.equal(shownPin(again), undefined, 'the PIN is not shown a second time');
    assert.equal((await tryLogin(built, '1000000077', pin!)).status, 302);
  });

  it('says what is wrong with the form, and refuses a card that is taken', async (t) => {
    const built = await consoleApp(t);
    const bad = await submit(built.librarian, '/librarian/members', { card: '12', name: '', email: 'nope', homeBranch: 'Atlantis' }, { status: 400 });
    for (const message of ['A card number is 4 to 20 letters and digits.', 'Enter the member’s name.', 'Enter an email address', 'Choose a home branch from the list.']) {
      assert.ok(bad.text.includes(message), message);
    }
    const taken = await submit(built.librarian, '/librarian/members', { ...NEW_MEMBER, card: MEMBER.card }, { status: 409 });
    assert.match(taken.text, /Card 1000000001 already belongs to a member\./);
    assert.equal(await built.store.members.count(), 2);
    assert.deepEqual(await auditOf(built, 'member-add'), []);
  });

  it('disables a card so it cannot log in and its open visit ends, then enables it again', async (t) => {
    const built = await consoleApp(t);
    await built.member.get('/account').expect(200);
    await submit(built.librarian, `/librarian/members/${ADA_ID}/disable`, {}, { status: 302 });
    assert.match((await built.librarian.get(`/librarian/members/${ADA_ID}`)).text, /<dd id="member-status">Disabled since /);
    assert.equal((await built.member.get('/account')).status, 302, 'the member who was logged in is logged out');
    assert.deepEqual(await tryLogin(built, MEMBER.card, MEMBER.pin), { status: 403, error: 'This card has been disabled. Please ask at any branch.' });
    assert.deepEqual((await tryLogin(built, MEMBER.card, '0000')).status, 401, 'a wrong PIN says only that');
    await submit(built.librarian, `/librarian/members/${ADA_ID}/enable`, {}, { status: 302 });
    assert.equal((await tryLogin(built, MEMBER.card, MEMBER.pin)).status, 302);
    assert.deepEqual(await auditOf(built, 'member-disable'), [[LIBRARIAN_ID, LIBRARIAN.card, ADA_ID]]);
    assert.deepEqual(await auditOf(built, 'member-enable'), [[LIBRARIAN_ID, LIBRARIAN.card, ADA_ID]]);
    assert.deepEqual((await built.store.audit.list({ action: 'login-failed' }, 0, 10)).entries.map((e) => e.target), ['invalid', 'disabled']);
  });

  it('does not let librarians disable their own card', async (t) => {
    const built = await consoleApp(t);
    const res = await submit(built.librarian, `/librarian/members/${LIBRARIAN_ID}/disable`, {}, { status: 302 });
    assert.equal(flashText((await built.librarian.get(res.headers.location!)).text), 'You cannot disable your own card: ask another librarian.');
    assert.equal((await built.store.members.get(LIBRARIAN_ID))?.disabledAt, undefined);
    assert.deepEqual(await auditOf(built, 'member-disable'), []);
  });

  it('resets a PIN: the old one stops working, the new one is shown once and works', async (t) => {
    const built = await consoleApp(t);
    const res = await submit(built.librarian, `/librarian/members/${ADA_ID}/pin`, {}, { status: 200 });
    const pin = shownPin(res.text)!;
    assert.match(pin, /^\d{6}$/);
    assert.equal((await tryLogin(built, MEMBER.card, MEMBER.pin)).status, 401);
    assert.equal((await tryLogin(built, MEMBER.card, pin)).status, 302);
    assert.deepEqual(await auditOf(built, 'member-pin-reset'), [[LIBRARIAN_ID, LIBRARIAN.card, ADA_ID]]);
  });

  it('lists and finds members, and shows a member’s reservations', async (t) => {
    const built = await consoleApp(t);
    await submit(built.member, '/reservations', { id: 'rec-emma' }, { status: 302 });
    const list = (await built.librarian.get('/librarian/members?q=lovel').expect(200)).text;
    assert.deepEqual(tableRows(list, 'members-list').map((r) => r.slice(0, 2)), [['Ada Lovelace', MEMBER.card]]);
    const page = (await built.librarian.get(`/librarian/members/${ADA_ID}`).expect(200)).text;
    const [row] = tableRows(page, 'member-reservations');
    assert.match(row?.[0] ?? '', /^Emma/);
    assert.equal(row?.[3], 'active');
  });

  it('shows the member changes in the audit log with names and cards', async (t) => {
    const built = await consoleApp(t);
    await submit(built.librarian, `/librarian/members/${ADA_ID}/disable`, {}, { status: 302 });
    const page = (await built.librarian.get('/librarian/audit?person=Ada').expect(200)).text;
    const [row] = tableRows(page, 'audit-entries');
    assert.deepEqual(row?.slice(1), [`Lydia Bennet member id ${LIBRARIAN_ID}`, LIBRARIAN.card, 'Disabled a card', `Ada Lovelace (card ${MEMBER.card}) member id ${ADA_ID}`]);
  });
});

describe('members changing their own PIN', () => {
  it('changes the PIN after the current one is entered, and audits it', async (t) => {
    const built = await consoleApp(t);
    assert.match((await built.member.get('/account')).text, /href="\/account\/pin"/);
    const res = await submit(built.member, '/account/pin', { currentPin: MEMBER.pin, newPin: '86420135', confirmPin: '86420135' }, { status: 302 });
    assert.equal(res.headers.location, '/account');
    assert.equal((await tryLogin(built, MEMBER.card, MEMBER.pin)).status, 401);
    assert.equal((await tryLogin(built, MEMBER.card, '86420135')).status, 302);
    assert.deepEqual(await auditOf(built, 'pin-change'), [[ADA_ID, MEMBER.card, 'changed']]);
  });

  it('refuses a wrong current PIN, a mismatched confirmation and a PIN that is not 4 to 8 digits', async (t) => {
    const built = await consoleApp(t);
    const wrong = await submit(built.member, '/account/pin', { currentPin: '9999', newPin: '86420135', confirmPin: '86420135' }, { status: 401 });
    assert.match(wrong.text, /Your current PIN is not correct\./);
    const mismatch = await submit(built.member, '/account/pin', { currentPin: MEMBER.pin, newPin: '86420135', confirmPin: '86420136' }, { status: 400 });
    assert.match(mismatch.text, /The new PIN and its confirmation are not the same\./);
    await submit(built.member, '/account/pin', { currentPin: MEMBER.pin, newPin: '12ab', confirmPin: '12ab' }, { status: 400 });
    assert.equal((await tryLogin(built, MEMBER.card, MEMBER.pin)).status, 302, 'the PIN is unchanged');
    assert.deepEqual(await auditOf(built, 'pin-change'), [[ADA_ID, MEMBER.card, 'refused: invalid']]);
  });

  it('counts wrong current PINs against the card as logins do, so the form cannot be used to guess', async (t) => {
    const built = await consoleApp(t);
    for (let i = 0; i < 4; i++) await submit(built.member, '/account/pin', { currentPin: `000${i}`, newPin: '86420135', confirmPin: '86420135' }, { status: 401 });
    const locked = await submit(built.member, '/account/pin', { currentPin: '0009', newPin: '86420135', confirmPin: '86420135' });
    assert.equal(locked.status, 429);
    const refused = await submit(built.member, '/account/pin', { currentPin: MEMBER.pin, newPin: '86420135', confirmPin: '86420135' });
    assert.equal(refused.status, 429, 'even the right PIN waits until the lock ends');
  });
});

describe('PINs and the logs', () => {
  it('never writes a PIN to the request log, the audit log or the session store', async (t) => {
    const log = memoryLogger();
    const built = await consoleApp(t, {}, { logger: log.logger });
    const added = shownPin((await submit(built.librarian, '/librarian/members', NEW_MEMBER, { status: 201 })).text)!;
    const reset = shownPin((await submit(built.librarian, `/librarian/members/${ADA_ID}/pin`, {}, { status: 200 })).text)!;
    await submit(built.member, '/account/pin', { currentPin: '1234', newPin: '86420135', confirmPin: '86420135' });
    await loginAs(built.browser(), MEMBER.card, reset);
    await submit(built.browser(), '/login', { card: '1000000077', pin: added });
    const pins = [added, reset, MEMBER.pin, LIBRARIAN.pin, '86420135'];
    // A PIN as a value of its own: not part of a longer run of letters or digits such as an id or a token.
    const standsAlone = (text: string, pin: string) => new RegExp(`(?<![0-9A-Za-z_-])${pin}(?![0-9A-Za-z_-])`).test(text);

    const lines = log.lines();
    assert.ok(lines.some((l) => l.msg === 'request' && l.method === 'POST' && l.path === '/account/pin'), 'the request log was written');
    const logged = JSON.stringify(lines.map(({ time: _t, ...rest }) => rest));
    const audited = JSON.stringify((await built.store.audit.list({}, 0, 1000)).entries.map(({ at: _at, ...rest }) => rest));
    const db = new Database(path.join(built.dataDir, 'shelfmark.db'), { readonly: true });
    t.after(() => db.close());
    const sessions = JSON.stringify(db.prepare('SELECT data FROM sessions').pluck().all());
    for (const pin of pins) {
      assert.ok(!standsAlone(logged, pin), `request log holds PIN ${pin}`);
      assert.ok(!standsAlone(audited, pin), `audit log holds PIN ${pin}`);
      assert.ok(!standsAlone(sessions, pin), `session store holds PIN ${pin}`);
    }
    assert.ok(!/"(current|new|confirm)?pin"/i.test(logged), 'no field named pin is logged');
  });
});
