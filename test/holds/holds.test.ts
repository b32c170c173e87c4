import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, flashText, submit, type Built } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';
import { fakeMailer } from '../helpers/fake-mailer.js';
import { createLogger } from '../../src/http/logger.js';
import { expireUncollectedHolds } from '../../src/jobs/hold-expiry.js';
import { catalogue } from '../storage/fixtures.js';

const DAY_MIN = 24 * 60;
const LIBRARIAN = '9000000001';

/** The app with a fake mailer, a librarian, and members by card (home branch Central), each logged in. */
async function library(t: TestContext, cards: string[], env: Record<string, string> = {}) {
  const mailer = fakeMailer();
  const built = await build(t, { records: catalogue, mailer, env: { PUBLIC_URL: 'https://catalogue.example.org', ...env } });
  await addMember(built.store, LIBRARIAN, '4321', { name: 'Lydia Bennet', role: 'librarian' });
  const librarian = built.browser();
  await loginAs(librarian, LIBRARIAN, '4321');
  const members: Record<string, ReturnType<Built['browser']>> = {};
  for (const [i, card] of cards.entries()) {
    await addMember(built.store, card, '1234', { name: ['Ada Lovelace', 'Samuel Pepys', 'Mary Shelley', 'John Keats'][i] });
    members[card] = built.browser();
    await loginAs(members[card], card, '1234');
  }
  return { ...built, mailer, librarian, members };
}

/** Reserve as JSON, with the page's token: the reply says what happened. */
async function reserveJson(visitor: ReturnType<Built['browser']>, id: string, token?: string) {
  const _csrf = token ?? (await csrfOf(visitor));
  const res = await visitor.post('/reservations').set('Accept', 'application/json').type('form').send({ id, branch: 'Eastgate', _csrf });
  return res.body as { message: string; items: Array<{ outcome: string; message: string }> };
}

/** [title, state] for each row of the account's reservations table. */
async function states(visitor: ReturnType<Built['browser']>): Promise<Array<[string, string]>> {
  const html = (await visitor.get('/account').expect(200)).text;
  return [...html.matchAll(/<tr class="hold hold--[a-z-]+">\s*<th scope="row"><a [^>]*>([^<]*)<\/a><\/th>\s*<td data-label="State" class="hold__state">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!]);
}

/** The ids of the holds on the console's pick list and hold shelf, in page order. */
async function desk(librarian: ReturnType<Built['browser']>, query = '') {
  const html = (await librarian.get(`/librarian/holds${query}`).expect(200)).text;
  const rows = (part: string) => [...(html.split('id="shelf-heading"')[part === 'pick' ? 0 : 1] ?? '').matchAll(/data-hold="([^"]+)"/g)].map((m) => m[1]!);
  return { html, pick: rows('pick'), shelf: rows('shelf') };
}

const holdOf = async (built: Built, card: string) => (await built.store.reservations.listForMember(`m-${card}`, 'active'))[0]!;
const auditActions = async (built: Built) => (await built.store.audit.list({}, 0, 100)).entries.map((e) => `${e.action} ${e.card}`).reverse();

describe('the queue for a title', () => {
  it('puts two members who ask at once for a title with no free copy at places 1 and 2, never both 1', async (t) => {
    const { members } = await library(t, ['1000000001', '1000000002', '1000000003']);
    // Les Misérables has one copy: the first member holds it.
    assert.equal((await reserveJson(members['1000000001']!, 'rec-miserables')).items[0]?.outcome, 'reserved');
    const tokens = await Promise.all(['1000000002', '1000000003'].map((c) => csrfOf(members[c]!)));
    const replies = await Promise.all(['1000000002', '1000000003'].map((c, i) => reserveJson(members[c]!, 'rec-miserables', tokens[i])));
    assert.deepEqual(replies.map((r) => r.items[0]?.outcome), ['queued', 'queued']);
    const places = replies.map((r) => /number (\d+) in the queue/.exec(r.message)?.[1]).sort();
    assert.deepEqual(places, ['1', '2']);
    const accounts = await Promise.all(['1000000002', '1000000003'].map((c) => states(members[c]!)));
    assert.deepEqual(accounts.map((a) => a[0]?.[1]).sort(), ['Waiting: number 1 in the queue', 'Waiting: number 2 in the queue']);
  });

  it('moves everyone behind up when a member leaves the queue, and audits joining and leaving', async (t) => {
    const built = await library(t, ['1000000001', '1000000002', '1000000003']);
    const { members } = built;
    for (const card of ['1000000001', '1000000002', '1000000003']) await reserveJson(members[card]!, 'rec-miserables');
    const second = await holdOf(built, '1000000002');
    await submit(members['1000000002']!, `/reservations/${second.id}/cancel`, {}, { status: 302 });
    assert.deepEqual(await states(members['1000000003']!), [['Les Misérables', 'Waiting: number 1 in the queue']]);
    assert.deepEqual((await auditActions(built)).filter((a) => !a.startsWith('view-account')), [
      `login ${LIBRARIAN}`, 'login 1000000001', 'login 1000000002', 'login 1000000003',
      'reserve 1000000001', 'queue 1000000002', 'queue 1000000003', 'cancel 1000000002',
    ]);
  });

  it('counts a waiting hold towards the member’s limit', async (t) => {
    const { members } = await library(t, ['1000000001', '1000000002'], { RESERVATION_LIMIT: '1' });
    await reserveJson(members['1000000001']!, 'rec-miserables');
    assert.equal((await reserveJson(members['1000000002']!, 'rec-miserables')).items[0]?.outcome, 'queued');
    assert.equal((await reserveJson(members['1000000002']!, 'rec-emma')).items[0]?.outcome, 'limit-reached');
  });
});

describe('availability that counts holds', () => {
  it('says how many copies are on the shelf, and when all are reserved, how many wait', async (t) => {
    const { members, request } = await library(t, ['1000000001', '1000000002', '1000000003']);
    const line = async (q: string) => /<p class="availability availability--([a-z]+)">([^<]*)<\/p>/.exec((await request().get(`/search?q=${q}`)).text)?.slice(1);
    assert.deepEqual(await line('miserables'), ['yes', 'On the shelf: 1 of 1 at Eastgate']);
    for (const card of ['1000000001', '1000000002', '1000000003']) await reserveJson(members[card]!, 'rec-miserables');
    assert.deepEqual(await line('miserables'), ['no', 'All copies reserved: 2 people waiting']);
    const record = (await request().get('/record/rec-miserables')).text;
    assert.match(record, /<p class="availability availability--no"[^>]*>All copies reserved: 2 people waiting<\/p>/);
    assert.match(record, /0 of 1 on the shelf[\s\S]*Reserved for a member/);
  });

  it('says a reference-only copy is for use in the library, not that it is unavailable', async (t) => {
    const { request } = await library(t, []);
    assert.match((await request().get('/search?q=verwandlung')).text, /<p class="availability availability--reference">For use in the library<\/p>/);
    assert.match((await request().get('/record/rec-verwandlung')).text, /<td>For use in the library<\/td>/);
  });
});

describe('reserving from the results list', () => {
  it('reserves for the home branch, comes back to that result with the message beside it, and then says it is reserved', async (t) => {
    const built = await library(t, ['1000000001']);
    const ada = built.members['1000000001']!;
    const list = (await ada.get('/search?q=miserables')).text;
    assert.match(list, /<form method="post" action="\/reservations" class="reserve-result">/);
    const res = await submit(ada, '/reservations', { id: 'rec-miserables', return: '/search?q=miserables', place: 'result' }, { status: 302 });
    assert.equal(res.headers.location, '/search?q=miserables#result-rec-miserables');
    const after = (await ada.get('/search?q=miserables')).text;
    assert.match(after, /class="flash flash--success result__status">Reserved ‘Les Misérables’ for collection at Central\./);
    assert.match(after, /<p class="result__reserved">Reserved by you<\/p>/);
    assert.equal((await holdOf(built, '1000000001')).pickupBranch, 'Central');
  });

  it('offers no reserve button to a visitor who is not logged in, nor for a reference-only title', async (t) => {
    const built = await library(t, ['1000000001']);
    assert.doesNotMatch((await built.request().get('/search?q=miserables')).text, /class="reserve-result"/);
    assert.doesNotMatch((await built.members['1000000001']!.get('/search?q=verwandlung')).text, /class="reserve-result"/);
  });
});

describe('the librarian’s day: pick list, check in, ready to collect, collect', () => {
  it('walks a hold from the pick list to the hold shelf to collected, emailing the member and auditing each step', async (t) => {
    const built = await library(t, ['1000000001']);
    const { members, librarian, mailer } = built;
    const ada = members['1000000001']!;
    await reserveJson(ada, 'rec-miserables');
    const hold = await holdOf(built, '1000000001');
    assert.deepEqual(await states(ada), [['Les Misérables', 'In transit']]);

    const before = await desk(librarian);
    assert.deepEqual([before.pick, before.shelf], [[hold.id], []]);
    assert.match(before.html, /On the shelves at Eastgate, in shelfmark order/);
    assert.match(before.html, /Ada Lovelace \(card 1000000001\)/);

    const checkIn = await submit(librarian, `/librarian/holds/${hold.id}/check-in`, {}, { status: 302 });
    assert.equal(checkIn.headers.location, '/librarian/holds');
    const after = await desk(librarian);
    assert.equal(flashText(after.html), '‘Les Misérables’ is ready to collect at Eastgate until Monday 30 November. The member has been emailed.');
    assert.deepEqual([after.pick, after.shelf], [[], [hold.id]]);
    assert.deepEqual(await states(ada), [['Les Misérables', 'Ready to collect until Monday 30 November']]);
    assert.equal(mailer.sent.length, 1);
    assert.equal(mailer.sent[0]?.to, '1000000001@example.org');
    assert.equal(mailer.sent[0]?.mail.subject, 'Ready to collect: Les Misérables');
    assert.match(mailer.sent[0].mail.text, /ready to collect from Eastgate\.\nWe will keep it for you until Monday 30 November\.[\s\S]*https:\/\/catalogue\.example\.org\/account/);

    await submit(librarian, `/librarian/holds/${hold.id}/check-in`, {}, { status: 302 });
    assert.match(flashText((await librarian.get('/librarian/holds')).text) ?? '', /not waiting to be checked in/, 'a second check-in changes nothing');
    assert.equal(mailer.sent.length, 1);

    await submit(librarian, `/librarian/holds/${hold.id}/collect`, {}, { status: 302 });
    const done = await desk(librarian);
    assert.equal(flashText(done.html), '‘Les Misérables’ has been collected.');
    assert.deepEqual([done.pick, done.shelf], [[], []]);
    assert.deepEqual(await states(ada), [['Les Misérables', 'Collected on Monday 23 November']]);
    const log = (await built.store.audit.list({}, 0, 100)).entries.reverse().map((e) => [e.action, e.card, e.target]);
    assert.deepEqual(log.filter(([action]) => String(action).startsWith('hold-')), [
      ['hold-ready', LIBRARIAN, `rec-miserables (hold ${hold.id}, copy Eastgate-available, for card 1000000001)`],
      ['hold-collect', LIBRARIAN, `rec-miserables (hold ${hold.id}, copy Eastgate-available, for card 1000000001)`],
    ]);
  });

  it('lists copies to fetch by branch, then shelfmark, and narrows to one branch', async (t) => {
    const built = await library(t, ['1000000001', '1000000002']);
    await reserveJson(built.members['1000000001']!, 'rec-miserables');
    await reserveJson(built.members['1000000001']!, 'rec-emma');
    await reserveJson(built.members['1000000002']!, 'rec-pride-dvd');
    const all = await desk(built.librarian);
    const captions = [...all.html.matchAll(/<caption>On the shelves at ([^,]+),/g)].map((m) => m[1]);
    assert.deepEqual(captions, ['Central', 'Eastgate']);
    const eastgate = await desk(built.librarian, '?branch=Eastgate');
    const miserables = (await built.store.reservations.listForMember('m-1000000001', 'active')).find((r) => r.recordId === 'rec-miserables')!;
    assert.deepEqual(eastgate.pick, [miserables.id]);
    assert.equal(eastgate.pick.length < all.pick.length, true);
  });

  it('keeps the hold desk from members', async (t) => {
    const built = await library(t, ['1000000001']);
    await built.members['1000000001']!.get('/librarian/holds').expect(403);
  });
});

describe('the daily expiry job', () => {
  it('expires a hold not collected by its date, by the injected clock, and offers the copy to the next in the queue', async (t) => {
    const built = await library(t, ['1000000001', '1000000002', '1000000003']);
    const { members, librarian, clock } = built;
    for (const card of ['1000000001', '1000000002', '1000000003']) await reserveJson(members[card]!, 'rec-miserables');
    const first = await holdOf(built, '1000000001');
    await submit(librarian, `/librarian/holds/${first.id}/check-in`, {}, { status: 302 });
    const deps = { store: built.store, clock: clock.read, logger: createLogger('silent') };

    // A week passes: every visit has ended, so each member (and the librarian) logs in again.
    const again = async () => {
      for (const card of Object.keys(members)) await loginAs(members[card]!, card, '1234');
      await loginAs(librarian, LIBRARIAN, '4321');
    };
    clock.advanceMinutes(7 * DAY_MIN - 1);
    await again();
    assert.equal(await expireUncollectedHolds(deps), 0, 'not a minute early');
    assert.deepEqual(await states(members['1000000001']!), [['Les Misérables', 'Ready to collect until Monday 30 November']]);

    clock.advanceMinutes(1);
    assert.equal(await expireUncollectedHolds(deps), 1);
    assert.equal(await expireUncollectedHolds(deps), 0, 'once');
    assert.deepEqual(await states(members['1000000001']!), [['Les Misérables', 'Expired: not collected by Monday 30 November']]);
    assert.deepEqual(await states(members['1000000002']!), [['Les Misérables', 'In transit']]);
    assert.deepEqual(await states(members['1000000003']!), [['Les Misérables', 'Waiting: number 1 in the queue']]);
    const second = await holdOf(built, '1000000002');
    assert.deepEqual((await desk(librarian)).pick, [second.id]);
    const log = (await auditActions(built)).filter((a) => a.startsWith('hold-'));
    assert.deepEqual(log, [`hold-ready ${LIBRARIAN}`, 'hold-expire 1000000001', 'hold-offer 1000000002']);
  });
});
