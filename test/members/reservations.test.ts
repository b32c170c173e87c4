import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf, flashText, submit, type Built } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';
import { catalogue, copy, makeRecord } from '../storage/fixtures.js';

const ebook = makeRecord({ id: 'rec-ebook', title: 'Persuasion', mediaType: 'ebook', holdings: [copy('Online Library', 'available', 'OL1')] });
const records = [...catalogue, ebook];

/** A fresh app with the fixtures and an e-book, and one member logged in (home branch Central). */
async function member(t: Parameters<typeof build>[0], env: Record<string, string> = {}) {
  const built = await build(t, { records, env });
  const memberId = await addMember(built.store, '1000000001', '1234', { homeBranch: 'Central' });
  const visitor = built.browser();
  await loginAs(visitor, '1000000001', '1234');
  return { built, visitor, memberId };
}

async function another(built: Built, card: string) {
  await addMember(built.store, card, '1234', { name: 'Samuel Pepys' });
  const visitor = built.browser();
  await loginAs(visitor, card, '1234');
  return visitor;
}

const reportOf = (html: string) => [...html.matchAll(/class="reserve-report__item reserve-report__item--([a-z-]+)">([^<]*)</g)].map((m) => [m[1], m[2]]);

describe('reserving one item from its record page', () => {
  it('reserves a copy for collection at the chosen branch and says so', async (t) => {
    const { built, visitor, memberId } = await member(t);
    const res = await submit(visitor, '/reservations', { id: 'rec-emma', branch: 'Eastgate', return: '/record/rec-emma' }, { status: 302 });
    assert.equal(res.headers.location, '/record/rec-emma');
    const page = await visitor.get('/record/rec-emma');
    assert.equal(flashText(page.text), 'Reserved ‘Emma’ for collection at Eastgate.');
    assert.match(page.text, /You have reserved this item, to collect from Eastgate/);
    const [held] = await built.store.reservations.listForMember(memberId);
    assert.deepEqual([held?.recordId, held?.itemId, held?.pickupBranch], ['rec-emma', 'Central-available', 'Eastgate']);
  });

  it('offers the catalogue’s branches, the member’s home branch first chosen, and no online library', async (t) => {
    const { visitor } = await member(t);
    const html = (await visitor.get('/record/rec-emma')).text;
    const options = [...html.matchAll(/<option value="([^"]+)"( selected)?>/g)].map((m) => `${m[1]}${m[2] ? '*' : ''}`);
    assert.deepEqual(options, ['Central*', 'Eastgate', 'Northside']);
  });

  it('falls back to the home branch when the branch sent is not one of ours', async (t) => {
    const { built, visitor, memberId } = await member(t);
    await submit(visitor, '/reservations', { id: 'rec-emma', branch: 'Online Library' }, { status: 302 });
    assert.equal((await built.store.reservations.listForMember(memberId))[0]?.pickupBranch, 'Central');
  });

  it('says plainly why an item cannot be reserved, and reserves nothing', async (t) => {
    const { built, visitor, memberId } = await member(t);
    const cases: Array<[string, string]> = [
      ['rec-verwandlung', '‘Die Verwandlung’ cannot be reserved: it is for reference only and stays in the library.'],
      ['rec-ebook', '‘Persuasion’ cannot be reserved: it is an e-book or online item, which you borrow online instead.'],
      ['rec-war-peace', '‘The War and Peace Reader’ cannot be reserved: the library has no copy that can be lent at the moment.'],
    ];
    for (const [id, message] of cases) {
      await submit(visitor, '/reservations', { id }, { status: 302 });
      assert.equal(flashText((await visitor.get(`/record/${id}`)).text), message);
    }
    assert.deepEqual(await built.store.reservations.listForMember(memberId), []);
    assert.match((await visitor.get('/record/rec-ebook')).text, /This item cannot be reserved: it is an e-book/);
  });

  it('says when the member has already reserved the item', async (t) => {
    const { visitor } = await member(t);
    await submit(visitor, '/reservations', { id: 'rec-emma' }, { status: 302 });
    await visitor.get('/record/rec-emma');
    await submit(visitor, '/reservations', { id: 'rec-emma' }, { status: 302 });
    assert.equal(flashText((await visitor.get('/record/rec-emma')).text), 'You have already reserved ‘Emma’ (collect at Central).');
  });

  it('says when every copy is already reserved for other members, and queues the member', async (t) => {
    const { built, visitor } = await member(t);
    const pepys = await another(built, '1000000002');
    await submit(pepys, '/reservations', { id: 'rec-jane-eyre' }, { status: 302 });
    await submit(visitor, '/reservations', { id: 'rec-jane-eyre' }, { status: 302 });
    assert.equal(flashText((await visitor.get('/record/rec-jane-eyre')).text), 'Every copy of ‘Jane Eyre: an autobiography’ is reserved, so you are number 1 in the queue. We will hold the next copy for you at Central.');
  });

  it('stops at the member’s limit of active reservations and says how to make room', async (t) => {
    const { visitor } = await member(t, { RESERVATION_LIMIT: '2' });
    for (const id of ['rec-emma', 'rec-jane-eyre']) await submit(visitor, '/reservations', { id }, { status: 302 });
    await submit(visitor, '/reservations', { id: 'rec-pride-dvd' }, { status: 302 });
    assert.equal(flashText((await visitor.get('/')).text), '‘Pride &amp; Prejudice’ was not reserved: you already have 2 reservations, the most allowed. Cancel one to make room.');
  });

  it('gives the last copy to exactly one of two members who ask at the same moment, and queues the other', async (t) => {
    const { built, visitor } = await member(t);
    const pepys = await another(built, '1000000002');
    const [ada, sam] = await Promise.all([csrfOf(visitor), csrfOf(pepys)]);
    const results = await Promise.all([
      visitor.post('/reservations').set('Accept', 'application/json').type('form').send({ id: 'rec-jane-eyre', _csrf: ada }),
      pepys.post('/reservations').set('Accept', 'application/json').type('form').send({ id: 'rec-jane-eyre', _csrf: sam }),
    ]);
    const outcomes = results.map((r) => r.body.items[0].outcome).sort();
    assert.deepEqual(outcomes, ['queued', 'reserved']);
    const holders = await Promise.all(['m-1000000001', 'm-1000000002'].map((m) => built.store.reservations.listForMember(m, 'active')));
    assert.equal(holders.flat().filter((r) => r.itemId).length, 1, 'one copy, held once');
  });

  it('sends a visitor who is not logged in to log in, then back to the record', async (t) => {
    const built = await build(t, { records });
    const visitor = built.browser();
    await visitor.get('/');
    const page = await visitor.get('/record/rec-emma');
    assert.match(page.text, /<a href="\/login\?return=%2Frecord%2Frec-emma">Log in to reserve this item<\/a>/);
    const res = await submit(visitor, '/reservations', { id: 'rec-emma', return: '/record/rec-emma' }, { status: 302 });
    assert.equal(res.headers.location, '/login?return=%2Frecord%2Frec-emma');
  });
});

describe('reserving everything in the basket at once', () => {
  it('reserves what it can and lists what happened to each item, and why', async (t) => {
    const { built, visitor, memberId } = await member(t);
    await submit(visitor, '/reservations', { id: 'rec-pride-dvd' }, { status: 302 });
    await submit(visitor, '/basket/add', { id: ['rec-emma', 'rec-verwandlung', 'rec-ebook', 'rec-pride-dvd', 'rec-jane-eyre'] }, { status: 302 });
    const confirm = await visitor.get('/basket/reserve');
    assert.match(confirm.text, /Die Verwandlung[\s\S]*?cannot be reserved: it is for reference only/);
    const res = await submit(visitor, '/basket/reserve', { branch: 'Northside' }, { status: 302 });
    assert.equal(res.headers.location, '/account');
    const account = await visitor.get('/account');
    assert.equal(flashText(account.text), '2 of 5 items reserved. The list below says what happened to each.');
    assert.deepEqual(reportOf(account.text), [
      ['reserved', 'Reserved ‘Emma’ for collection at Northside.'],
      ['not-reservable', '‘Die Verwandlung’ cannot be reserved: it is for reference only and stays in the library.'],
      ['not-reservable', '‘Persuasion’ cannot be reserved: it is an e-book or online item, which you borrow online instead.'],
      ['already-reserved', 'You have already reserved ‘Pride &amp; Prejudice’ (collect at Central).'],
      ['reserved', 'Reserved ‘Jane Eyre: an autobiography’ for collection at Northside.'],
    ]);
    assert.deepEqual(reportOf((await visitor.get('/account')).text), [], 'the list is shown once');
    const active = await built.store.reservations.listForMember(memberId, 'active');
    assert.deepEqual(active.map((r) => r.recordId).sort(), ['rec-emma', 'rec-jane-eyre', 'rec-pride-dvd']);
    assert.equal(active.find((r) => r.recordId === 'rec-emma')?.itemId, 'Northside-on-loan', 'the copy at the pickup branch first');
  });

  it('tells editions of one title apart before reserving them all: subtitle, year, format and edition', async (t) => {
    const hobbit = (id: string, year: number, mediaType: 'book' | 'audiobook', edition?: string) =>
      makeRecord({ id, title: 'The Hobbit', subtitle: 'or, there and back again', authors: ['Tolkien, J. R. R.'], year, mediaType, edition, holdings: [copy('Central', 'on-loan', `${id}-1`)] });
    const built = await build(t, { records: [...records, hobbit('h-1937', 1937, 'book', 'First edition'), hobbit('h-2020', 2020, 'audiobook', 'Unabridged')] });
    await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    await loginAs(visitor, '1000000001', '1234');
    await submit(visitor, '/basket/add', { id: ['h-1937', 'h-2020'] }, { status: 302 });
    const page = (await visitor.get('/basket/reserve')).text;
    const rows = [...page.matchAll(/class="basket__title">([^<]+)<\/a>\s*<p class="result__meta">([^·]+·[^·]+·[^·]+·[^·]+)·/g)].map((m) => `${m[1]} | ${m[2]!.replace(/\s+/g, ' ').trim()}`);
    assert.deepEqual(rows, [
      'The Hobbit: or, there and back again | Tolkien, J. R. R. · 1937 · Book · First edition',
      'The Hobbit: or, there and back again | Tolkien, J. R. R. · 2020 · Audiobook · Unabridged',
    ]);
  });

  it('offers "Reserve everything" on the basket page only to a logged-in member', async (t) => {
    const { built, visitor } = await member(t);
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    assert.match((await visitor.get('/basket')).text, /href="\/basket\/reserve"/);
    const anonymous = built.browser();
    await anonymous.get('/');
    await submit(anonymous, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    assert.doesNotMatch((await anonymous.get('/basket')).text, /href="\/basket\/reserve"/);
  });
});

describe('the account page', () => {
  it('shows due dates as a member reads them and marks a loan past its due date overdue, by the app clock', async (t) => {
    const { built, visitor, memberId } = await member(t);
    await built.store.loans.add([
      { memberId, recordId: 'rec-miserables', itemId: 'X1', title: 'Les Misérables', loanedAt: 0, dueDate: '2026-11-26' },
      { memberId, recordId: 'rec-emma', itemId: 'X2', title: 'Emma', loanedAt: 0, dueDate: '2026-12-01' },
    ]);
    const dueCells = async () => [...(await visitor.get('/account')).text.matchAll(/<\/a><\/th><td data-label="Due back">(.*?)<\/td><\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    assert.deepEqual((await dueCells()).sort(), ['Thursday 26 November', 'Tuesday 1 December']);
    built.clock.advanceMinutes(8 * 24 * 60);
    await loginAs(visitor, '1000000001', '1234'); // the visit itself ended long ago
    assert.deepEqual((await dueCells()).sort(), ['Thursday 26 November overdue', 'Tuesday 1 December']);
  });

  it('shows current reservations with their state and a cancel button each, loans and profile', async (t) => {
    const { built, visitor, memberId } = await member(t);
    await built.store.loans.add([{ memberId, recordId: 'rec-miserables', itemId: 'X1', title: 'Les Misérables', loanedAt: 0, dueDate: '2026-12-07' }]);
    await submit(visitor, '/reservations', { id: 'rec-emma' }, { status: 302 });
    const html = (await visitor.get('/account')).text;
    assert.match(html, /<a href="\/record\/rec-emma">Emma<\/a><\/th>\s*<td data-label="State" class="hold__state">In transit<\/td>\s*<td data-label="Collect from">Central<\/td>\s*<td data-label="Reserved on">23 November 2026<\/td>/);
    assert.match(html, /action="\/reservations\/[^"]+\/cancel"/);
    assert.match(html, /<a href="\/record\/rec-miserables">Les Misérables<\/a><\/th><td data-label="Due back">Monday 7 December<\/td>/);
    assert.match(html, /<dt>Library card<\/dt><dd>1000000001<\/dd>/);
    assert.match(html, /<dt>Home branch<\/dt><dd>Central<\/dd>/);
  });

  it('cancels a reservation, which frees the copy for another member', async (t) => {
    const { built, visitor, memberId } = await member(t);
    await submit(visitor, '/reservations', { id: 'rec-jane-eyre' }, { status: 302 });
    const [held] = await built.store.reservations.listForMember(memberId);
    const res = await submit(visitor, `/reservations/${held!.id}/cancel`, {}, { status: 302 });
    assert.equal(res.headers.location, '/account');
    const account = await visitor.get('/account');
    assert.equal(flashText(account.text), 'Cancelled your reservation of ‘Jane Eyre: an autobiography’.');
    assert.match(account.text, /You have no reservations/);
    const pepys = await another(built, '1000000002');
    await submit(pepys, '/reservations', { id: 'rec-jane-eyre' }, { status: 302 });
    assert.equal((await built.store.reservations.listForMember('m-1000000002', 'active')).length, 1);
  });

  it('does not let a member cancel someone else’s reservation', async (t) => {
    const { built, visitor } = await member(t);
    const pepys = await another(built, '1000000002');
    await submit(pepys, '/reservations', { id: 'rec-emma' }, { status: 302 });
    const [theirs] = await built.store.reservations.listForMember('m-1000000002');
    await submit(visitor, `/reservations/${theirs!.id}/cancel`, {}, { status: 302 });
    assert.equal(flashText((await visitor.get('/account')).text), 'That reservation was not found: it may have been cancelled already.');
    assert.equal((await built.store.reservations.listForMember('m-1000000002', 'active')).length, 1);
  });

  it('records reserve and cancel in the audit log, and not viewing the account (a page view is not an action)', async (t) => {
    const { built, visitor, memberId } = await member(t);
    await submit(visitor, '/reservations', { id: 'rec-emma' }, { status: 302 });
    const [held] = await built.store.reservations.listForMember(memberId);
    await submit(visitor, `/reservations/${held!.id}/cancel`, {}, { status: 302 });
    await visitor.get('/account');
    const { entries } = await built.store.audit.list({ memberId }, 0, 10);
    assert.deepEqual(entries.map((e) => [e.action, e.target]), [
      ['cancel', `rec-emma (${held!.id})`],
      ['reserve', 'rec-emma (Central-available)'],
      ['login', ''],
    ]);
  });
});
