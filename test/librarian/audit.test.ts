import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { purgeOldAuditEntries } from '../../src/audit/retention.js';
import { submit } from '../helpers/build.js';
import { loginAs } from '../helpers/members.js';
import { consoleApp, LIBRARIAN, MEMBER } from './helpers.js';
import { tableRows } from './tables.js';

const DAY = 24 * 60 * 60_000;
const cells = (html: string) => tableRows(html, 'audit-entries').map(([, , card, action, target]) => [card, action, target]);
const actions = (html: string) => cells(html).map(([, action]) => action);

describe('audit log page', () => {
  it('shows a member’s scripted visit, filtered by card, action and day', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t);
    // Day one (the member logged in when the app was built): account, log out.
    await member.get('/account').expect(200);
    await submit(member, '/logout', {}, { status: 302 });
    // Day two: a wrong PIN, then in again.
    clock.now += DAY;
    const other = browser();
    await other.get('/login');
    await submit(other, '/login', { card: MEMBER.card, pin: '0000' });
    await loginAs(other, MEMBER.card, MEMBER.pin);
    await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);

    const all = (await librarian.get(`/librarian/audit?person=${MEMBER.card}`).expect(200)).text;
    assert.match(all, /<p id="audit-total">4 entries\./);
    assert.deepEqual(actions(all), ['Logged in', 'Login refused', 'Logged out', 'Logged in']);
    assert.deepEqual(cells(all)[1], [MEMBER.card, 'Login refused', 'wrong card or PIN']);
    const logins = (await librarian.get(`/librarian/audit?person=${MEMBER.card}&action=login`).expect(200)).text;
    assert.match(logins, /<p id="audit-total">2 entries\./);
    const dayTwo = (await librarian.get(`/librarian/audit?person=${MEMBER.card}&from=2026-11-24&to=2026-11-24`).expect(200)).text;
    assert.deepEqual(actions(dayTwo), ['Logged in', 'Login refused']);
    const dayOne = (await librarian.get(`/librarian/audit?card=1000%200000%2001&to=2026-11-23`).expect(200)).text;
    assert.deepEqual(actions(dayOne), ['Logged out', 'Logged in']);
  });

  it('shows names and cards, keeps the member id for reference, and finds a person by part of their name', async (t) => {
    const { librarian } = await consoleApp(t);
    const page = (await librarian.get('/librarian/audit?person=lovel').expect(200)).text;
    assert.match(page, /Entries by or about Ada Lovelace \(card 1000000001\)\./);
    const [row] = tableRows(page, 'audit-entries');
    assert.deepEqual(row?.slice(1, 4), ['Ada Lovelace member id m-1000000001', MEMBER.card, 'Logged in']);
    assert.match((await librarian.get('/librarian/audit?person=nobody-at-all').expect(200)).text, /<p id="audit-total">0 entries\./);
  });

  it('records no page views: the librarian reading the log, and a member reading their account, add nothing', async (t) => {
    const { librarian, member, store } = await consoleApp(t);
    const before = (await store.audit.list({}, 0, 100)).total;
    for (let i = 0; i < 3; i++) {
      await librarian.get('/librarian/audit').expect(200);
      await librarian.get('/librarian').expect(200);
      await member.get('/account').expect(200);
    }
    assert.equal((await store.audit.list({}, 0, 100)).total, before);
  });

  it('pages through a long log, keeping the filter in the links', async (t) => {
    const { librarian, store, clock } = await consoleApp(t);
    for (let i = 0; i < 60; i++) await store.audit.append({ at: clock.now - i * 1000, memberId: 'm-X', card: 'X1234', action: 'reserve', target: `rec-${i}` });
    const first = (await librarian.get('/librarian/audit?person=X1234').expect(200)).text;
    assert.match(first, /60 entries, page 1 of 2\./);
    assert.equal(cells(first).length, 50);
    assert.equal(cells(first)[0]?.[2], 'rec-0');
    const next = /<a href="([^"]+)" rel="next">/.exec(first)?.[1]?.replace(/&amp;/g, '&');
    assert.equal(next, '/librarian/audit?person=X1234&page=2');
    const second = (await librarian.get(next).expect(200)).text;
    assert.deepEqual(cells(second).map(([, , target]) => target), Array.from({ length: 10 }, (_, i) => `rec-${50 + i}`));
    assert.doesNotMatch(second, /rel="next"/);
  });

  it('downloads every matching entry as CSV, with formulas made harmless', async (t) => {
    const { librarian, store, clock } = await consoleApp(t);
    for (let i = 0; i < 2100; i++) await store.audit.append({ at: clock.now - i, memberId: null, card: 'Z9999', action: 'login-failed', target: i ? 'wrong PIN' : '=HYPERLINK("http://evil.example")' });
    const res = await librarian.get('/librarian/audit.csv?card=Z9999').expect(200);
    const rows = res.text.trim().split('\r\n');
    assert.equal(rows[0], 'time_utc,name,card,member_id,action,target');
    assert.equal(rows.length, 2101);
    assert.equal(rows[1], `${new Date(clock.now).toISOString()},,Z9999,,login-failed,"'=HYPERLINK(""http://evil.example"")"`);
  });

  it('ignores an action the log does not record, and says so', async (t) => {
    const { librarian } = await consoleApp(t);
    const page = (await librarian.get('/librarian/audit?action=%24where&page=-3').expect(200)).text;
    assert.match(page, /That action is not one the log records/);
  });
});

describe('audit retention', () => {
  it('deletes entries older than AUDIT_RETENTION_DAYS and keeps the rest', async (t) => {
    const { store, clock, config } = await consoleApp(t, { AUDIT_RETENTION_DAYS: '30' });
    const entry = (age: number) => ({ at: clock.now - age, memberId: 'm1', card: 'C1', action: 'login' as const, target: `${age}` });
    await store.audit.append(entry(30 * DAY + 1));
    await store.audit.append(entry(30 * DAY - 1));
    assert.equal(await purgeOldAuditEntries(store, config.AUDIT_RETENTION_DAYS, clock.now), 1);
    assert.deepEqual((await store.audit.list({ card: 'C1' }, 0, 10)).entries.map((e) => e.target), [`${30 * DAY - 1}`]);
    clock.now += 2;
    assert.equal(await purgeOldAuditEntries(store, config.AUDIT_RETENTION_DAYS, clock.now), 1);
  });

  it('keeps 90 days unless told otherwise', async (t) => {
    const { config } = await consoleApp(t);
    assert.equal(config.AUDIT_RETENTION_DAYS, 90);
  });

  it('states the retention period on the privacy page and the audit page', async (t) => {
    const { request, librarian } = await consoleApp(t, { AUDIT_RETENTION_DAYS: '45' });
    assert.match((await request().get('/privacy').expect(200)).text, /Entries are deleted automatically after 45 days\./);
    assert.match((await librarian.get('/librarian/audit').expect(200)).text, /Entries older than 45 days are deleted automatically\./);
  });
});
