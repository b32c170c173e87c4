import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { NARROW } from './checks.js';
import { siteForFile } from './harness.js';
import { Visit } from './visit.js';

/** Shirley (demo record SM001030) has one copy, at Northgate, shelfmark F BRO. */
const TITLE = 'Shirley';

// Plain JavaScript run in the page (a string, so tsx adds no helpers the page lacks): every word in the
// account tables, each as a Range; a word whose boxes sit on more than one line was broken mid-word.
const BROKEN_WORDS = `(function () {
  var out = [];
  document.querySelectorAll('.account-table th, .account-table td').forEach(function (cell) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var re = /\\S+/g, m;
      while ((m = re.exec(node.data))) {
        var range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        var tops = Array.from(range.getClientRects()).filter(function (r) { return r.width > 0; }).map(function (r) { return Math.round(r.top); });
        if (new Set(tops).size > 1) out.push(m[0]);
      }
    }
  });
  return out;
})()`;

const file = siteForFile();
const served = file.served;

async function logIn(visit: Visit, card: string, pin: string): Promise<void> {
  await visit.go(`login as ${card}`, '/login');
  await visit.step(`log in as ${card}`, async (page) => {
    await page.getByLabel('Library card number').fill(card);
    await page.getByLabel('PIN').fill(pin);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
}

/** The state column of the account's reservations, and any word broken across lines at 360 px. */
async function accountAtPhoneWidth(page: Page): Promise<{ states: string[]; broken: string[] }> {
  const wide = page.viewportSize();
  await page.setViewportSize(NARROW);
  const states = await page.locator('.hold__state').allInnerTexts();
  const broken = await page.evaluate<string[]>(BROKEN_WORDS);
  if (wide) await page.setViewportSize(wide);
  return { states, broken };
}

describe('a hold from reserve to collect, in Chromium: member, second member, librarian', () => {
  let ada: Visit;
  let samuel: Visit;
  let lydia: Visit;

  before(async () => {
    const visits = await Promise.all([0, 1, 2].map(() => Visit.open(file.site, served, new Map())));
    [ada, samuel, lydia] = [visits[0]!, visits[1]!, visits[2]!];
  });
  after(async () => {
    await Promise.all([ada, samuel, lydia].map((v) => v?.close()));
  });

  it('a member reserves from the results list, and the line says so beside the result', async () => {
    await logIn(ada, '1000000001', '1234');
    await ada.go('results for shirley', '/search?q=shirley');
    const result = ada.page.locator('#result-SM001030');
    assert.equal(await result.getByRole('link', { name: TITLE, exact: true }).count(), 1);
    await ada.step('reserve from the results', (page) => result.locator('form.reserve-result button').click().then(() => page.waitForURL(/#result-/)));
    assert.match(await result.locator('.result__status').innerText(), /Reserved ‘Shirley’ for collection at Central Library\./);
    assert.equal(await result.locator('.result__reserved').innerText(), 'Reserved by you');
    assert.equal(await result.locator('.availability').innerText(), 'All copies reserved');
  });

  it('a second member joins the queue from the record page and sees their place', async () => {
    await logIn(samuel, '1000000002', '2345');
    await samuel.go('the record', '/record/SM001030');
    await samuel.step('join the queue', (page) => page.locator('.reserve-form').getByRole('button', { name: /^Reserve/ }).click());
    assert.match(await samuel.page.locator('.flash').first().innerText(), /you are number 1 in the queue/);
    await samuel.go('account while waiting', '/account');
    assert.deepEqual((await accountAtPhoneWidth(samuel.page)).states, ['Waiting: number 1 in the queue']);
  });

  it('the librarian finds the copy on the pick list and checks it in: ready to collect', async () => {
    await logIn(lydia, '1000000009', '9999');
    await lydia.go('hold desk', '/librarian/holds');
    const pick = lydia.page.locator('#pick-heading').locator('xpath=..').locator('tr.hold-row');
    assert.equal(await pick.count(), 1);
    assert.match(await pick.innerText(), /F BRO[\s\S]*Shirley[\s\S]*Ada Lovelace/);
    await lydia.step('check in', (page) => pick.getByRole('button', { name: /^Check in/ }).click().then(() => page.waitForLoadState()));
    assert.match(await lydia.page.locator('.flash').first().innerText(), /‘Shirley’ is ready to collect at Central Library until /);
    assert.equal(await lydia.page.locator('#shelf-heading').locator('xpath=..').locator('tr.hold-row').count(), 1);
  });

  it('the member’s account says ready to collect until a date, without a word broken at 360 px', async () => {
    await ada.go('account when ready', '/account');
    const { states, broken } = await accountAtPhoneWidth(ada.page);
    assert.equal(states.length, 1);
    assert.match(states[0]!, /^Ready to collect until \w+day \d+ \w+/);
    assert.deepEqual(broken, []);
  });

  it('the librarian hands it over: collected, and the account says so', async () => {
    const shelf = lydia.page.locator('#shelf-heading').locator('xpath=..').locator('tr.hold-row');
    await lydia.step('collect', (page) => shelf.getByRole('button', { name: /^Collected/ }).click().then(() => page.waitForLoadState()));
    assert.equal(await lydia.page.locator('.flash').first().innerText(), '‘Shirley’ has been collected.');
    await ada.go('account after collecting', '/account');
    const { states, broken } = await accountAtPhoneWidth(ada.page);
    assert.match(states[0]!, /^Collected on /);
    assert.deepEqual(broken, []);
  });
});

describe('the basket as a pick list, in Chromium', () => {
  let visit: Visit;
  before(async () => {
    visit = await Visit.open(file.site, served, new Map());
  });
  after(async () => {
    await visit?.close();
  });

  it('lists the basket by branch and shelfmark with a Print button, and passes every check', async () => {
    await visit.go('results for bronte', '/search?q=bronte');
    await visit.step('add two to the basket', async (page) => {
      for (const button of (await page.locator('form.basket-toggle button').all()).slice(0, 2)) await button.click();
      await page.locator('#basket-count').filter({ hasText: '2' }).waitFor();
    });
    await visit.go('pick list', '/basket/pick-list');
    assert.equal(await visit.page.getByRole('button', { name: 'Print' }).isVisible(), true);
    const shelfmarks = await visit.page.locator('.pick-list__branch').first().locator('th.shelfmark').allInnerTexts();
    assert.ok(shelfmarks.length >= 1);
  });
});

it('serves only valid HTML on every page of the hold walk (Nu HTML Checker)', async () => {
  const errors = await served.validate();
  assert.deepEqual(errors, []);
  assert.deepEqual(served.missed, []);
  assert.ok(served.count >= 8, `checked ${served.count} pages`);
});
