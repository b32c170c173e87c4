import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, flashText, submit, type Built } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';
import { smtpServer } from '../helpers/smtp.js';

const titles = (html: string) => [...html.matchAll(/class="basket__title">([^<]+)</g)].map((m) => m[1]);

/** A member logged in, with these items in the basket. */
async function memberWith(built: Built, card: string, ids: string[]) {
  await addMember(built.store, card, '1234');
  const visitor = built.browser();
  await loginAs(visitor, card, '1234');
  if (ids.length) await submit(visitor, '/basket/add', { id: ids }, { status: 302 });
  return visitor;
}

/** Saves the basket as a list through the basket page's form; returns the list's path. */
async function saveList(visitor: Awaited<ReturnType<typeof memberWith>>, name: string): Promise<string> {
  const res = await submit(visitor, '/lists', { name }, { status: 302 });
  assert.match(String(res.headers.location), /^\/lists\/[\w-]{22}$/);
  return String(res.headers.location);
}

describe('saved lists', () => {
  it('offers saving only to a member who is logged in, and sends others to log in', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    await visitor.get('/').expect(200);
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    const page = await visitor.get('/basket');
    assert.equal(page.text.includes('action="/lists"'), false);
    assert.match(page.text, /<a href="\/login\?return=%2Fbasket">Log in<\/a> to save your basket as a list/);
    assert.equal((await visitor.get('/lists').expect(302)).headers.location, '/login?return=%2Flists');
    assert.match(String((await submit(visitor, '/lists', { name: 'Mine' }, { status: 302 })).headers.location), /^\/login\?return=/);
  });

  it('is linked as "Your lists" from the header of every page and from the account page, once logged in', async (t) => {
    const built = await build(t);
    const anonymous = built.browser();
    assert.doesNotMatch((await anonymous.get('/').expect(200)).text, /href="\/lists"/);
    const visitor = await memberWith(built, '1000000001', []);
    for (const path of ['/', '/search?q=emma', '/record/rec-emma']) {
      const header = /<header[\s\S]*?<\/header>/.exec((await visitor.get(path).expect(200)).text)![0];
      assert.match(header, /<a href="\/lists">Your lists<\/a>/, path);
    }
    const main = /<main[\s\S]*?<\/main>/.exec((await visitor.get('/account').expect(200)).text)![0];
    assert.match(main, /<a href="\/lists" id="account-lists">Your lists<\/a>/);
  });

  it('saves the basket under a name and says the list outlives the visit', async (t) => {
    const built = await build(t);
    const visitor = await memberWith(built, '1000000001', ['rec-jane-eyre', 'rec-emma']);
    assert.match((await visitor.get('/basket')).text, /<form id="save-list" method="post" action="\/lists"/);
    const path = await saveList(visitor, '  Holiday   reading ');
    const page = await visitor.get(path).expect(200);
    assert.equal(flashText(page.text), 'Saved your basket as ‘Holiday reading’ (2 items). It stays with your account after this visit.');
    assert.match(page.text, /<h1>Holiday reading<\/h1>/);
    assert.match(page.text, /kept with your account after your visit ends, unlike the basket/);
    assert.deepEqual(titles(page.text), ['Jane Eyre: an autobiography', 'Emma']);
    const overview = await visitor.get('/lists').expect(200);
    assert.match(overview.text, new RegExp(`<a href="${path}">Holiday reading</a></td><td>2</td>`));
  });

  it('outlives the visit: after logging out and in again the list loads back into the basket', async (t) => {
    const built = await build(t);
    const first = await memberWith(built, '1000000001', ['rec-jane-eyre', 'rec-emma']);
    const path = await saveList(first, 'Book club');
    await submit(first, '/logout', {}, { status: 302 });
    built.clock.advanceMinutes(24 * 60);
    const next = built.browser();
    await loginAs(next, '1000000001', '1234');
    assert.deepEqual(titles((await next.get('/basket')).text), []);
    const res = await submit(next, `${path}/load`, {}, { status: 302 });
    assert.equal(res.headers.location, '/basket');
    const basket = await next.get('/basket');
    assert.deepEqual(titles(basket.text), ['Jane Eyre: an autobiography', 'Emma']);
    assert.equal(flashText(basket.text), 'Added 2 items to your basket.');
  });

  it('renames and deletes a list', async (t) => {
    const built = await build(t);
    const visitor = await memberWith(built, '1000000001', ['rec-emma']);
    const path = await saveList(visitor, 'Old name');
    await submit(visitor, `${path}/rename`, { name: 'New name' }, { status: 302 });
    const renamed = await visitor.get(path);
    assert.equal(flashText(renamed.text), 'Renamed the list to ‘New name’.');
    assert.match(renamed.text, /<h1>New name<\/h1>/);
    assert.equal((await submit(visitor, `${path}/delete`, {}, { status: 302 })).headers.location, '/lists');
    const overview = await visitor.get('/lists');
    assert.equal(flashText(overview.text), 'Deleted the list ‘New name’.');
    assert.match(overview.text, /You have no saved lists yet/);
    await visitor.get(path).expect(404);
  });

  it('refuses an empty name and an empty basket', async (t) => {
    const built = await build(t);
    const visitor = await memberWith(built, '1000000001', []);
    await submit(visitor, '/lists', { name: 'Nothing' }, { status: 302 });
    assert.equal(flashText((await visitor.get('/basket')).text), 'Your basket is empty, so there is nothing to save.');
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    await submit(visitor, '/lists', { name: '   ' }, { status: 302 });
    assert.equal(flashText((await visitor.get('/basket')).text), 'Give the list a name of up to 100 characters.');
    assert.deepEqual(await built.store.lists.listByOwner('m-1000000001'), []);
  });

  it('is a 404 to another member, the same as a list that does not exist, and they cannot change it', async (t) => {
    const built = await build(t);
    const owner = await memberWith(built, '1000000001', ['rec-emma']);
    const path = await saveList(owner, 'Private');
    const other = await memberWith(built, '1000000002', []);
    const theirs = await other.get(path).expect(404);
    const missing = await other.get('/lists/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    assert.equal(theirs.text.replace(/<meta name="csrf-token"[^>]*>|value="[^"]*"/g, ''), missing.text.replace(/<meta name="csrf-token"[^>]*>|value="[^"]*"/g, ''));
    assert.equal(theirs.text.includes('Private'), false);
    for (const action of ['rename', 'delete', 'load']) await submit(other, `${path}/${action}`, { name: 'Taken' }, { status: 404 });
    assert.deepEqual(titles((await other.get('/basket')).text), []);
    assert.doesNotMatch((await other.get('/lists')).text, /Private/);
    const still = await owner.get(path).expect(200);
    assert.match(still.text, /<h1>Private<\/h1>/);
  });

  it('puts reserve-all among the basket actions for a member', async (t) => {
    const built = await build(t);
    const visitor = await memberWith(built, '1000000001', ['rec-emma']);
    assert.match((await visitor.get('/basket')).text, /<a class="button" href="\/basket\/reserve">Reserve everything in the basket<\/a>/);
    await visitor.get('/basket/reserve').expect(200);
  });

  it('fills the email form with the member’s own address', async (t) => {
    const smtp = await smtpServer(t);
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://catalogue.example.org' } });
    const visitor = await memberWith(built, '1000000001', ['rec-emma']);
    assert.match((await visitor.get('/basket')).text, /<input id="email-to" name="to" type="email" autocomplete="email" required maxlength="254" value="1000000001@example.org">/);
    await submit(visitor, '/basket/email', { to: '1000000001@example.org' }, { status: 302 });
    assert.deepEqual(smtp.received.map((r) => r.to), [['1000000001@example.org']]);
  });
});
