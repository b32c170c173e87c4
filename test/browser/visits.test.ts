import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CookieLedger } from './checks.js';
import { siteForFile } from './harness.js';
import { Visit } from './visit.js';

// In-page code runs in Chromium; the project's tsconfig has no DOM lib, so its globals are declared for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;

/** Visits as members browse: several tabs, Back, no JavaScript, idle time (issue 13). */
// These visits test the basket and the session, not search: their searches list every record on its own row (group=off),
// so each result has its own basket button (a work of several editions has none; its editions do, on its page).
const file = siteForFile();
const served = file.served;

const count = (visit: Visit) => visit.page.locator('#basket-count').innerText();

describe('tabs opened before the visit had a session', () => {
  let first: Visit;
  const ledger: CookieLedger = new Map();
  before(async () => {
    first = await Visit.open(file.site, served, ledger);
  });
  after(async () => {
    await first?.close();
  });

  it('adds from each of three tabs opened before the first add, each showing the server’s count', async () => {
    const tabs = [first, await Visit.in(file.site, served, ledger, first.context), await Visit.in(file.site, served, ledger, first.context)];
    await tabs[0]!.go('tabs: results', '/search?q=austen&group=off');
    const links = await tabs[0]!.page.locator('.result__title a').evaluateAll((as) => as.slice(0, 3).map((a) => (a as any).getAttribute('href') as string));
    for (const [i, tab] of tabs.entries()) await tab.go(`tabs: record in tab ${i + 1}`, links[i]!);
    for (const [i, tab] of tabs.entries()) {
      await tab.step(`tabs: add in tab ${i + 1}`, async (page) => {
        await page.locator('.record__action').getByRole('button', { name: /^Add to basket/ }).click();
        await page.locator('#status').getByText(/^Added/).waitFor();
      });
      assert.equal(await count(tab), String(i + 1), `tab ${i + 1} shows the whole basket`);
    }
  });

  it('a form from before a login in another tab still works', async () => {
    const [older, other] = [first, await Visit.in(file.site, served, ledger, first.context)];
    await older.go('tabs: a record before login', '/search?q=dickens&group=off');
    await other.go('tabs: login page in another tab', '/login');
    await other.step('tabs: log in in another tab', async (page) => {
      await page.getByLabel('Library card number').fill('1000000002');
      await page.getByLabel('PIN').fill('2345');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/account$/);
    });
    await older.step('tabs: add from the page loaded before the login', async (page) => {
      await page.locator('.result').first().getByRole('button', { name: /^Add to basket/ }).click();
      await page.locator('#status').getByText(/^Added/).waitFor();
    });
    assert.equal(await count(older), '4', 'the basket kept through login, plus this add');
  });

  it('Back after an add shows the page as it is now, not a stale copy', async () => {
    await first.go('back: results', '/search?q=bronte&group=off');
    await first.step('back: add', async (page) => {
      await page.locator('.result').first().getByRole('button', { name: /^Add to basket/ }).click();
      await page.locator('#status').getByText(/^Added/).waitFor();
    });
    const added = await count(first);
    await first.step('back: to the basket', (page) => page.getByRole('link', { name: /^Basket/ }).click());
    await first.step('back: Back', (page) => page.goBack());
    assert.equal(await count(first), added);
    assert.match(await first.page.locator('.result').first().innerText(), /In your basket/);
  });
});

describe('without JavaScript, members keep their place', () => {
  let visit: Visit;
  before(async () => {
    visit = await Visit.open(file.site, served, new Map(), { javaScriptEnabled: false });
  });
  after(async () => {
    await visit?.close();
  });

  it('an add on page 2 comes back to that result, with its status beside it and focus on it', async () => {
    await visit.go('place: page 2', '/search?q=austen&group=off&page=2');
    const third = visit.page.locator('.result').nth(2);
    const id = (await third.getAttribute('id'))!;
    await visit.step('place: add the third result', () => third.getByRole('button', { name: /^Add to basket/ }).click());
    const url = new URL(visit.page.url());
    assert.equal(url.searchParams.get('page'), '2');
    assert.equal(decodeURIComponent(url.hash), `#${id}`);
    const result = visit.page.locator(`[id="${id}"]`);
    assert.match(await result.locator('.result__status').innerText(), /^Added/);
    assert.equal(await visit.page.evaluate(() => document.activeElement?.id), id, 'the result acted on has focus');
  });

  it('"Select all on this page" ticks the boxes, and "Add selected" confirms beside its button', async () => {
    await visit.step('place: select all', (page) => page.getByRole('link', { name: 'Select all on this page' }).click());
    assert.ok(await visit.page.locator('.result input[type=checkbox]:not([disabled])').evaluateAll((boxes) => boxes.length > 0 && boxes.every((b) => (b as any).checked)));
    await visit.step('place: add selected', (page) => page.getByRole('button', { name: 'Add selected to basket' }).click());
    assert.match(await visit.page.locator('#add-selected-status').innerText(), /^Added \d+ items/);
    assert.match(await visit.page.locator('#status').innerText(), /^Added \d+ items/);
  });

  it('asks before emptying the basket', async () => {
    await visit.go('place: basket', '/basket');
    await visit.step('place: empty?', (page) => page.getByRole('button', { name: 'Empty the basket' }).click());
    assert.equal(await visit.page.locator('h1').innerText(), 'Empty your basket?');
    await visit.step('place: keep it', (page) => page.getByRole('link', { name: 'No, keep my basket' }).click());
    assert.notEqual(await count(visit), '0');
    await visit.step('place: empty?', (page) => page.getByRole('button', { name: 'Empty the basket' }).click());
    await visit.step('place: yes, empty', (page) => page.getByRole('button', { name: 'Yes, empty the basket' }).click());
    assert.equal(await count(visit), '0');
  });
});

describe('the end of an idle visit', () => {
  let visit: Visit;
  before(async () => {
    visit = await Visit.open(file.site, served, new Map());
    // The page's own timers run on a clock the test moves; the server keeps its own.
    await visit.page.clock.install();
  });
  after(async () => {
    await visit?.close();
  });

  it('warns two minutes before, offers to keep the visit going and to take the basket, and moves no focus', async () => {
    await visit.go('idle: record', '/search?q=emma&group=off');
    await visit.step('idle: add', async (page) => {
      await page.locator('.result').first().getByRole('button', { name: /^Add to basket/ }).click();
      await page.locator('#status').getByText(/^Added/).waitFor();
    });
    await visit.page.getByRole('searchbox', { name: 'Search the catalogue' }).focus();
    const warning = visit.page.locator('#visit-warning');
    assert.equal(await warning.isVisible(), false);
    await visit.step('idle: 27 minutes later', (page) => page.clock.fastForward('27:00'));
    assert.equal(await warning.isVisible(), false, 'not yet');
    await visit.step('idle: 28 and a half minutes later', (page) => page.clock.fastForward('01:30'));
    assert.equal(await warning.isVisible(), true);
    assert.match(await warning.innerText(), /Your visit will end at \d\d:\d\d if you do nothing more\. Your basket will then be emptied\./);
    assert.match(await warning.innerText(), /download it.*log in and save it as a list/s);
    assert.equal(await visit.page.evaluate(() => document.activeElement?.getAttribute('name')), 'q', 'focus stayed where the member left it');
    await visit.step('idle: keep my visit going', async (page) => {
      await page.getByRole('button', { name: 'Keep my visit going' }).click();
      await page.locator('#status').getByText(/^Your visit will now last until/).waitFor();
    });
    assert.equal(await warning.isVisible(), false);
    await visit.step('idle: 20 minutes after keeping it', (page) => page.clock.fastForward('20:00'));
    assert.equal(await warning.isVisible(), false, 'the clock started again from the keep');
  });

  it('after the visit ended on the server, the next page says so once', async () => {
    file.site.advanceMinutes(31);
    await visit.go('idle: after the visit ended', '/basket');
    assert.equal(await visit.page.locator('#status').innerText(), 'Your last visit ended after 30 minutes without activity, and its basket was emptied.');
    assert.match(await visit.page.locator('main').innerText(), /Your basket is empty/);
    await visit.go('idle: the page after', '/');
    assert.equal((await visit.page.locator('#status').innerText()).trim(), '');
  });
});

it('serves only valid HTML on every page visited (Nu HTML Checker)', async () => {
  const errors = await served.validate();
  assert.deepEqual(errors, []);
  assert.deepEqual(served.missed, []);
});
