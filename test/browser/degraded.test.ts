import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CookieLedger } from './checks.js';
import { launchCookielessBrowser, siteForFile } from './harness.js';
import { Visit } from './visit.js';

const file = siteForFile();
const served = file.served;

describe('a visit with JavaScript turned off', () => {
  let visit: Visit;
  const ledger: CookieLedger = new Map();
  before(async () => {
    visit = await Visit.open(file.site, served, ledger, { javaScriptEnabled: false });
  });
  after(async () => {
    await visit?.close();
  });

  it('accepts analytics from the banner with a plain form', async () => {
    await visit.go('no script: home', '/');
    const cookies = await visit.step('no script: accept analytics', (page) => page.getByRole('button', { name: 'Accept analytics cookies' }).click());
    assert.equal(cookies.find((c) => c.name === 'COOKIE_CONSENT')?.value, 'accepted');
    assert.ok(cookies.find((c) => c.name === 'SHELFMARK_VISITOR'));
    assert.match(await visit.page.locator('#status').innerText(), /accepted analytics cookies/);
  });

  it('adds to the basket from the results and comes back to the same page, then removes it from the basket', async () => {
    await visit.step('no script: search', async (page) => {
      await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('dickens');
      await page.getByRole('searchbox', { name: 'Search the catalogue' }).press('Enter');
      await page.waitForURL(/\/search\?q=dickens/);
    });
    const results = visit.page.url();
    const first = visit.page.locator('.result').first();
    const title = await first.locator('.result__title a').innerText();
    const id = await visit.page.locator('.result').first().getAttribute('id');
    await visit.step('no script: add to basket', (page) => page.locator('.result').first().getByRole('button', { name: /^Add to basket/ }).click());
    assert.equal(visit.page.url(), `${results}#${encodeURIComponent(id!)}`, 'back on the same results page, at the result');
    assert.match(await visit.page.locator('#status').innerText(), /^Added/);
    assert.equal(await visit.page.locator('#basket-count').innerText(), '1');
    await visit.step('no script: basket', (page) => page.getByRole('link', { name: /^Basket/ }).click());
    assert.match(await visit.page.locator('.basket').innerText(), new RegExp(title.split(':')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await visit.step('no script: remove', (page) => page.locator('.basket').getByRole('button', { name: /^Remove/ }).first().click());
    assert.match(await visit.page.locator('#status').innerText(), /^Removed/);
    assert.equal(await visit.page.locator('#basket-count').innerText(), '0');
  });
});

describe('a browser that blocks all cookies', () => {
  let visit: Visit;
  let browser: Awaited<ReturnType<typeof launchCookielessBrowser>>;
  before(async () => {
    browser = await launchCookielessBrowser();
    visit = await Visit.in(file.site, served, new Map(), browser.context);
  });
  after(async () => {
    await browser?.close();
  });

  it('can still search and read, holds no cookie, and is told plainly that the basket needs cookies', async () => {
    assert.deepEqual(await visit.go('no cookies: home', '/'), []);
    await visit.step('no cookies: search', async (page) => {
      await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('emma');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/\/search\?q=emma/);
    });
    assert.match(await visit.page.locator('.notice--cookies').innerText(), /does not seem to accept cookies/);
    // A record's own line (Austen's seven editions are one work, which opens onto its editions).
    await visit.step('no cookies: record', (page) => page.locator('.result:not(.result--work) .result__title a').first().click());
    const cookies = await visit.step('no cookies: add to basket', async (page) => {
      await page.locator('.record__action').getByRole('button', { name: /^Add to basket/ }).click();
      await page.waitForURL(/\/cookies-required$/);
    }, { status: 400 });
    assert.deepEqual(cookies, []);
    assert.equal(await visit.page.locator('h1').innerText(), 'Cookies are needed for the basket and logging in');
  });

  it('says the same when the member tries to log in, and says it before anything is typed', async () => {
    await visit.go('no cookies: login page', '/login');
    await visit.page.locator('#cookies-off').waitFor({ state: 'visible' });
    assert.match(await visit.page.locator('#login-cookies').innerText(), /Logging in needs cookies/);
    await visit.step('no cookies: log in', async (page) => {
      await page.getByLabel('Library card number').fill('1000000001');
      await page.getByLabel('PIN').fill('1234');
      await page.getByRole('button', { name: 'Log in' }).click();
    }, { status: 400 });
    assert.equal(await visit.page.locator('h1').innerText(), 'Cookies are needed for the basket and logging in');
    assert.deepEqual(await visit.context.cookies(), []);
  });

  it('is never asked about analytics cookies, since none could be set', async () => {
    await visit.step('no cookies: home again', async (page) => {
      await page.goto(visit.url('/'));
      await page.locator('#cookies-off').waitFor({ state: 'visible' });
    });
    assert.equal(await visit.page.getByRole('region', { name: 'Cookies on Shelfmark' }).count(), 0);
    assert.deepEqual(await visit.context.cookies(), []);
  });
});

it('serves only valid HTML on every page visited (Nu HTML Checker)', async () => {
  const errors = await served.validate();
  assert.deepEqual(errors, []);
  assert.deepEqual(served.missed, []);
  assert.ok(served.count >= 8, `checked ${served.count} pages`);
});
