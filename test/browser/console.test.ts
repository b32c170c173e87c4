import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteForFile } from './harness.js';
import { Visit } from './visit.js';

// In-page code runs in Chromium; the project's tsconfig has no DOM lib, so its globals are declared for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare function getComputedStyle(el: unknown): { outlineStyle: string; boxShadow: string };

const LIBRARIAN = { card: '1000000009', pin: '9999' };
const RECORDS = [
  JSON.stringify({ id: 'browser-1', title: 'A Console Test', mediaType: 'book', isbns: ['not an isbn'], holdings: [{ itemId: 'b1', branch: 'HBR', shelfmark: 'F CON', status: 'available' }] }),
  JSON.stringify({ id: 'browser-2', title: ' ', mediaType: 'book' }),
].join('\n');

const file = siteForFile();
const served = file.served;

/** Log in through the form as a browser would. */
async function logIn(visit: Visit, card: string, pin: string, returnTo: string): Promise<void> {
  await visit.step(`log in as ${card}`, async (page) => {
    await page.goto(visit.url(`/login?return=${encodeURIComponent(returnTo)}`));
    await page.getByLabel('Library card number').fill(card);
    await page.getByLabel('PIN', { exact: true }).fill(pin);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === returnTo);
  });
}

describe('a librarian’s working day in the console, checked at 1280 and 360 px', () => {
  let visit: Visit;
  before(async () => {
    visit = await Visit.open(file.site, served, new Map());
    await logIn(visit, LIBRARIAN.card, LIBRARIAN.pin, '/librarian');
  });
  after(async () => {
    await visit?.close();
  });

  it('imports a file and reads its results: summary table, problems by kind, history', async () => {
    await visit.go('import page', '/librarian/import');
    await visit.step('upload and watch', async (page) => {
      await page.getByLabel(/^File/).setInputFiles({ name: 'console.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(RECORDS) });
      await page.getByRole('button', { name: 'Upload and import' }).click();
      await page.locator('#import-summary').waitFor({ timeout: 60_000 });
    });
    const rows = await visit.page.locator('#import-summary tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
    assert.deepEqual(rows.slice(0, 5), [['Read', '2'], ['Added', '1'], ['Updated', '0'], ['Unchanged', '0'], ['Rejected', '1']]);
    assert.match(await visit.page.locator('.problem-kind').first().innerText(), /^Rejected: title/);
    assert.match(await visit.page.locator('.problem-kind').last().innerText(), /Warning: location "…" is not in the branch registry/);
    await visit.step('import history', (page) => page.getByRole('link', { name: 'Every import' }).first().click());
    await visit.step('open a run from the history', (page) => page.locator('#history-runs').getByRole('link', { name: 'console.ndjson' }).click());
  });

  it('adds a member, resets the PIN, disables and re-enables the card, and sees it all in the audit log', async () => {
    await visit.go('members', '/librarian/members');
    await visit.step('add member form', (page) => page.getByRole('link', { name: 'Add a member' }).click());
    await visit.step('add member with mistakes', async (page) => {
      await page.getByLabel('Library card number').fill('12');
      await page.getByRole('button', { name: 'Add member' }).click();
    }, { status: 400 });
    await visit.step('add member', async (page) => {
      await page.getByLabel('Library card number').fill('1000000123');
      await page.getByLabel('Name').fill('Mary Shelley');
      await page.getByLabel('Email').fill('mary@example.org');
      await page.getByLabel('Home branch').selectOption('Riverside');
      await page.getByRole('button', { name: 'Add member' }).click();
    });
    assert.match(await visit.page.locator('#new-pin').innerText(), /The PIN for card 1000000123 is \d{6}\./);
    await visit.step('reset PIN', (page) => page.getByRole('button', { name: 'Reset PIN' }).click());
    await visit.step('disable card', (page) => page.getByRole('button', { name: 'Disable card' }).click());
    assert.match(await visit.page.locator('#member-status').innerText(), /^Disabled since/);
    await visit.step('re-enable card', (page) => page.getByRole('button', { name: 'Re-enable card' }).click());
    await visit.step('member’s audit entries', (page) => page.getByRole('link', { name: 'Audit entries for this member' }).click());
    const actions = await visit.page.locator('#audit-entries tbody tr td:nth-child(4)').allInnerTexts();
    assert.deepEqual(actions, ['Re-enabled a card', 'Disabled a card', 'Reset a PIN', 'Added a member']);
    await visit.go('audit log', '/librarian/audit');
  });

  it('maps a location the import did not know to a branch', async () => {
    await visit.go('branches', '/librarian/branches');
    await visit.step('map a location', async (page) => {
      await page.getByLabel('Branch for HBR').selectOption('RIV');
      await page.getByRole('button', { name: 'Map' }).click();
    });
    assert.match(await visit.page.locator('.flash').innerText(), /Mapped the location “HBR” to the branch with code RIV/);
    assert.equal(await visit.page.locator('#no-unmapped').count(), 1);
  });

  it('shows search demand and visitors as charts with their tables', async () => {
    await visit.go('demand', '/librarian/demand');
    assert.equal(await visit.page.locator('svg.day-chart').count(), 2);
    const fits = await visit.page.locator('svg.day-chart text.day-label').evaluateAll((labels) => labels.every((label) => {
      const box = label.getBoundingClientRect();
      const svg = label.ownerSVGElement.getBoundingClientRect();
      return box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5;
    }));
    assert.ok(fits, 'every date label lies inside its chart');
  });
});

describe('a member changes their own PIN', () => {
  it('enters the current PIN and a new one twice', async () => {
    const visit = await Visit.open(file.site, served, new Map());
    try {
      await logIn(visit, '1000000002', '2345', '/account');
      await visit.step('change PIN page', (page) => page.getByRole('link', { name: 'Change your PIN' }).click());
      await visit.step('change PIN', async (page) => {
        await page.getByLabel('Current PIN').fill('2345');
        await page.getByLabel('New PIN', { exact: true }).fill('54321');
        await page.getByLabel('New PIN again').fill('54321');
        await page.getByRole('button', { name: 'Change PIN' }).click();
        await page.waitForURL(/\/account$/);
      });
      assert.match(await visit.page.locator('.flash').innerText(), /Your PIN has been changed/);
    } finally {
      await visit.close();
    }
  });
});

describe('every console screen with the keyboard alone', () => {
  it('reaches each console page from the console navigation by Tab and Enter, focus always visible', async () => {
    const visit = await Visit.open(file.site, served, new Map());
    try {
      await logIn(visit, LIBRARIAN.card, LIBRARIAN.pin, '/librarian');
      for (const name of ['Import records', 'Search demand', 'Members', 'Branches', 'Audit log', 'Overview']) {
        let reached = false;
        let href = '';
        for (let presses = 0; presses < 80 && !reached; presses++) {
          await visit.page.keyboard.press('Tab');
          const focus = await visit.page.evaluate(() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return { text: el.textContent.trim(), href: el.getAttribute('href'), inNav: Boolean(el.closest('.console-nav')), visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
          });
          assert.ok(focus.visible || focus.text === '', `focus is visible on ${focus.text}`);
          reached = focus.inNav && focus.text === name;
          if (reached) href = focus.href;
        }
        assert.ok(reached, `reached ${name} with the Tab key`);
        // Wait for the new page itself: the old one is already loaded, so waiting for "load" alone races the navigation.
        await visit.step(`keyboard: ${name}`, (page) => Promise.all([page.waitForURL(visit.url(href)), page.keyboard.press('Enter')]));
        assert.equal(await visit.page.locator('.console-nav [aria-current="page"]').innerText(), name);
      }
    } finally {
      await visit.close();
    }
  });
});

it('serves only valid HTML on every console page visited (Nu HTML Checker)', async () => {
  const errors = await served.validate();
  assert.deepEqual(errors, []);
  assert.deepEqual(served.missed, []);
  assert.ok(served.count >= 10, `checked ${served.count} pages`);
});
