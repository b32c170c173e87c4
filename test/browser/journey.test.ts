import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Cookie } from 'playwright-core';
import { visitDay } from '../../src/cookies/analytics.js';
import { NARROW, recordsCounted, type CookieLedger } from './checks.js';
import { siteForFile } from './harness.js';
import { Visit } from './visit.js';

// In-page code runs in Chromium; the project's tsconfig has no DOM lib, so its globals are declared for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare function getComputedStyle(el: unknown): { outlineStyle: string; boxShadow: string };

/** The rows of the cookies page's tables: name and expiry, as a visitor reads them. */
async function cookiePageRows(visit: Visit): Promise<Array<{ name: string; expiry: string }>> {
  return visit.page.locator('table.cookie-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('th')!.textContent!.trim(),
      expiry: row.querySelectorAll('td')[1]!.textContent!.trim(),
    })),
  );
}

/** What the Expiry column must say for what the browser actually stored. */
function expiryAsReceived(cookie: Cookie): string {
  if (cookie.expires === -1) return 'When you close your browser';
  const days = Math.round((cookie.expires - Date.now() / 1000) / 86_400);
  return days === 365 ? '1 year' : `${days} days`;
}

const file = siteForFile();
const served = file.served;

describe('a whole visit in Chromium, with JavaScript', () => {
  let visit: Visit;
  const ledger: CookieLedger = new Map();
  let basketTitle = '';

  before(async () => {
    visit = await Visit.open(file.site, served, ledger);
  });
  after(async () => {
    await visit?.close();
  });

  it('asks about analytics on arrival, and sets only essential cookies', async () => {
    const cookies = await visit.go('home page', '/');
    assert.deepEqual(cookies.map((c) => c.name), ['COOKIE_SUPPORT']);
    await assert.doesNotReject(visit.page.getByRole('region', { name: 'Cookies on Shelfmark' }).waitFor());
  });

  it('rejects analytics from the banner: no analytics cookie, no banner, a confirmation', async () => {
    const cookies = await visit.step('reject analytics', (page) => page.getByRole('button', { name: 'Reject analytics cookies' }).click());
    assert.equal(new URL(visit.page.url()).pathname, '/');
    assert.equal(cookies.find((c) => c.name === 'COOKIE_CONSENT')?.value, 'rejected');
    assert.equal(cookies.find((c) => c.name === 'SHELFMARK_VISITOR'), undefined);
    assert.equal(await visit.page.getByRole('region', { name: 'Cookies on Shelfmark' }).count(), 0);
    assert.match(await visit.page.locator('#status').innerText(), /rejected analytics cookies/);
  });

  it('searches, narrows by a facet, and pages through the results', async () => {
    await visit.step('search', async (page) => {
      await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('the');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/\/search\?/);
    });
    // A facet narrows records: with editions grouped, the count line says how many records its works hold.
    const records = () => recordsCounted(visit.page);
    const rows = Number(/of (\d+)/.exec(await visit.page.locator('#result-count').innerText())?.[1]);
    assert.ok(rows > 20, `a search for "the" finds more than one page (${rows})`);
    const total = await records();
    await visit.step('page 2', (page) => page.getByRole('link', { name: 'Next page' }).first().click());
    assert.match(await visit.page.locator('#result-count').innerText(), /^Showing 2\d–/);
    await visit.step('facet', (page) => page.getByRole('complementary').getByRole('link').first().click());
    const narrowed = await records();
    assert.ok(narrowed < total, `the facet narrows ${total} to ${narrowed}`);
  });

  it('opens a record and adds it to the basket without leaving the page', async () => {
    await visit.step('record', (page) => page.locator('.result:not(.result--work) .result__title a').first().click());
    const title = (await visit.page.locator('h1').innerText()).split(':')[0]!.trim();
    basketTitle = title;
    const url = visit.page.url();
    await visit.step('add to basket (script)', async (page) => {
      await page.locator('.record__action').getByRole('button', { name: /^Add to basket/ }).click();
      await page.locator('#status').getByText(/Added/).waitFor();
    });
    assert.equal(visit.page.url(), url, 'no page load');
    assert.equal(await visit.page.locator('#basket-count').innerText(), '1');
    assert.ok(await visit.cookie('JSESSIONID'), 'the visit now has a session');
    await visit.step('basket', (page) => page.getByRole('link', { name: /^Basket/ }).click());
    // On a phone the "Log in to save…" hint reads as one sentence, and the format select is a full-width, finger-sized control.
    await visit.page.setViewportSize(NARROW);
    const phone = await visit.page.evaluate(() => {
      const hint = document.querySelector('.basket-actions__group.hint');
      const link = hint.querySelector('a').getBoundingClientRect();
      const select = document.getElementById('export-format').getBoundingClientRect();
      const after = document.createRange();
      after.selectNodeContents(hint.querySelector('a').nextSibling);
      const words = after.getClientRects()[0];
      return { linkOnFirstLine: link.top - hint.getBoundingClientRect().top < 4, textAfterLinkOnSameLine: Math.abs(words.top - link.top) < 4 && words.left >= link.right - 1,
        selectHeight: select.height >= 24, selectWide: select.width >= hint.getBoundingClientRect().width - 1 };
    });
    await visit.page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(phone, { linkOnFirstLine: true, textAfterLinkOnSameLine: true, selectHeight: true, selectWide: true });
    assert.match(await visit.page.locator('.basket').innerText(), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('logs in with card and PIN, keeping the basket, under a new session id', async () => {
    const before = (await visit.cookie('JSESSIONID'))?.value;
    await visit.step('login page', (page) => page.getByRole('banner').getByRole('link', { name: 'Log in' }).click());
    // The card number and the PIN sit the same way: each input on its own line, under its label, at the same left edge.
    const boxes = await visit.page.evaluate(() => ['card', 'pin'].map((id) => {
      const input = document.getElementById(id).getBoundingClientRect();
      const label = document.querySelector(`label[for=${id}]`).getBoundingClientRect();
      return { left: Math.round(input.left), below: input.top >= label.bottom - 1 };
    }));
    assert.deepEqual(boxes, [{ left: boxes[1]!.left, below: true }, { left: boxes[1]!.left, below: true }]);
    await visit.step('log in', async (page) => {
      await page.getByLabel('Library card number').fill('1000000001');
      await page.getByLabel('PIN').fill('1234');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/basket$/);
    });
    assert.equal(await visit.page.locator('#logged-in-as').innerText(), 'Logged in as Ada');
    assert.equal(await visit.page.locator('#basket-count').innerText(), '1', 'the basket survives the login');
    const after = (await visit.cookie('JSESSIONID'))?.value;
    assert.ok(after && after !== before, 'a new session id at login');
  });

  it('reserves everything in the basket and sees it on the account page', async () => {
    await visit.step('reserve from basket', (page) => page.getByRole('link', { name: 'Reserve everything in the basket' }).click());
    await visit.step('reserve all', async (page) => {
      await page.getByRole('button', { name: 'Reserve all' }).click();
      await page.waitForURL(/\/account$/);
    });
    assert.match(await visit.page.locator('#status').innerText(), /reserv/i);
    await visit.go('account', '/account');
    const reservations = await visit.page.getByRole('region', { name: 'Reservations' }).innerText();
    assert.ok(reservations.includes(basketTitle), `the account lists ${basketTitle} among: ${reservations}`);
  });

  it('logs out, and the old session id is worthless afterwards', async () => {
    const session = await visit.cookie('JSESSIONID');
    assert.ok(session);
    await visit.step('log out', async (page) => {
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/logged-out$/);
    });
    assert.equal(await visit.cookie('JSESSIONID'), undefined, 'the browser was told to drop the cookie');
    // Someone who copied the cookie replays it in a browser of their own.
    const replay = await Visit.open(file.site, served, new Map());
    try {
      await replay.context.addCookies([
        { name: 'COOKIE_SUPPORT', value: 'true', url: file.site.origin, httpOnly: true, sameSite: 'Lax' },
        { name: 'JSESSIONID', value: session.value, url: file.site.origin, httpOnly: true, sameSite: 'Lax' },
      ]);
      await replay.go('replayed session: basket', '/basket');
      assert.equal(await replay.page.locator('#basket-count').innerText(), '0', 'an empty basket');
      assert.equal(await replay.page.locator('#logged-in-as').count(), 0, 'nobody is logged in');
      await replay.go('replayed session: account', '/account');
      assert.match(new URL(replay.page.url()).pathname, /^\/login/, 'the account page asks for a login');
    } finally {
      await replay.close();
    }
  });

  it('accepts analytics from the settings page in the footer, and is counted on our own server', async () => {
    await visit.step('cookie settings', (page) => page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).click());
    const cookies = await visit.step('accept analytics', async (page) => {
      await page.getByLabel('Yes, accept analytics cookies').check();
      await page.getByRole('button', { name: 'Save cookie settings' }).click();
    });
    assert.equal(cookies.find((c) => c.name === 'COOKIE_CONSENT')?.value, 'accepted');
    assert.ok(cookies.find((c) => c.name === 'SHELFMARK_VISITOR'), 'the analytics cookie arrives after consent');
    await visit.go('home after consent', '/');
    const today = visitDay(Date.now());
    const [counts] = await file.site.store.visits.daily(today, today);
    assert.equal(counts?.visitors, 1);
  });

  it('lists on the cookies page exactly the cookies the browser received, row for row', async () => {
    await visit.go('cookies page', '/cookies');
    const rows = await cookiePageRows(visit);
    const received = [...ledger.values()];
    assert.deepEqual(rows.map((r) => r.name).sort(), received.map((c) => c.name).sort(), 'one row per cookie received');
    for (const cookie of received) {
      assert.equal(rows.find((r) => r.name === cookie.name)?.expiry, expiryAsReceived(cookie), `${cookie.name} expiry`);
    }
  });

  it('deletes the analytics cookie on a later reject', async () => {
    await visit.go('cookie settings again', '/cookies/settings');
    const cookies = await visit.step('reject after accepting', async (page) => {
      await page.getByLabel('No, reject analytics cookies').check();
      await page.getByRole('button', { name: 'Save cookie settings' }).click();
    });
    assert.equal(cookies.find((c) => c.name === 'SHELFMARK_VISITOR'), undefined);
    await visit.go('privacy page', '/privacy');
  });

});

describe('the same journey with the keyboard alone', () => {
  let visit: Visit;
  before(async () => {
    visit = await Visit.open(file.site, served, new Map());
  });
  after(async () => {
    await visit?.close();
  });

  /** Press Tab (or Shift+Tab) until focus lands on `selector`; focus must always be visible on the way. */
  async function tabTo(selector: string, backwards = false): Promise<void> {
    for (let presses = 0; presses < 120; presses++) {
      await visit.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      const focus = await visit.page.evaluate((sel) => {
        const el = document.activeElement;
        if (!el || el === document.body) return { at: false, visible: true, what: 'body' };
        const style = getComputedStyle(el);
        const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none';
        return { at: el.matches(sel), visible, what: el.outerHTML.slice(0, 80) };
      }, selector);
      assert.ok(focus.visible, `focus is visible on ${focus.what}`);
      if (focus.at) return;
    }
    assert.fail(`could not reach ${selector} with the Tab key`);
  }

  it('answers the banner, searches, opens a record, adds it and reaches the basket', async () => {
    await visit.go('keyboard: home', '/');
    await visit.page.keyboard.press('Tab');
    assert.equal(await visit.page.evaluate(() => document.activeElement.className), 'skip-link', 'the skip link is the first stop, before the cookie banner');
    await visit.step('keyboard: reject analytics', async (page) => {
      await tabTo('button[value=no]');
      await page.keyboard.press('Enter');
      await page.locator('#status').getByText(/rejected analytics cookies/).waitFor();
    });
    await visit.step('keyboard: search', async (page) => {
      await tabTo('#q');
      await page.keyboard.type('persuasion');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=persuasion/);
    });
    // Persuasion's two editions are one work: its title opens the editions, and one of them opens its record.
    await visit.step('keyboard: all editions', async (page) => {
      await tabTo('.result__title a');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/work\//);
    });
    await visit.step('keyboard: record', async (page) => {
      await tabTo('.work__edition .result__title a');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/record\//);
    });
    await visit.step('keyboard: add to basket', async (page) => {
      await tabTo('.record__action button');
      await page.keyboard.press('Enter');
      await page.locator('#status').getByText(/Added/).waitFor();
    });
    await visit.step('keyboard: basket', async (page) => {
      await tabTo('a.basket-link', true);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/basket$/);
    });
    assert.match(await visit.page.locator('.basket').innerText(), /Persuasion/);
  });
});

it('serves only valid HTML on every page visited (Nu HTML Checker)', async () => {
  const errors = await served.validate();
  assert.deepEqual(errors, []);
  assert.deepEqual(served.missed, []);
  assert.ok(served.count >= 10, `checked ${served.count} pages`);
});
