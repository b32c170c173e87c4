import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NARROW } from './checks.js';
import { siteForFile } from './harness.js';
import { Visit } from './visit.js';

const file = siteForFile();
const served = file.served;

for (const viewport of [{ width: 1280, height: 900 }, NARROW]) {
  describe(`works and editions at ${viewport.width} px`, () => {
    let visit: Visit;
    before(async () => {
      visit = await Visit.open(file.site, served, new Map(), { viewport });
    });
    after(async () => {
      await visit?.close();
    });

    it('finds Emma as one result with its formats, opens every edition with its availability, and one edition from there', async () => {
      await visit.go('home page', '/');
      await visit.step('reject analytics', (page) => page.getByRole('button', { name: 'Reject analytics cookies' }).click());
      await visit.step('search for emma', async (page) => {
        await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('emma');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/search' && !url.searchParams.has('via'));
      });
      const work = visit.page.locator('.result--work').first();
      assert.match(await work.locator('.result__editions').innerText(), /^7 editions: Book, Large print, E-book, Audiobook$/);
      assert.equal(await work.locator('.result__formats .availability').count(), 4);
      await visit.step('open all editions', (page) => page.getByRole('link', { name: 'See all 7 editions of Emma' }).click());
      assert.match(visit.page.url(), /\/work\/SM\d+\?q=emma$/);
      assert.equal(await visit.page.getByRole('heading', { level: 1 }).innerText(), 'Emma');
      const editions = visit.page.locator('.work__edition');
      assert.equal(await editions.count(), 7);
      assert.equal(await visit.page.locator('.work__edition .availability').count(), 7);
      assert.equal(await visit.page.locator('#q').inputValue(), 'emma');
      await visit.step('add the large print edition to the basket', (page) => page.locator('#format-large-print').getByRole('button', { name: /^Add to basket/ }).click());
      await visit.page.locator('#format-large-print .in-basket').waitFor();
      await visit.step('open the large print edition', (page) => page.locator('#format-large-print .work__edition a').first().click());
      assert.match(visit.page.url(), /\/record\/SM001004\?q=emma$/);
      assert.match(await visit.page.locator('#availability').innerText(), /On the shelf/);
    });
  });
}

it('serves only valid HTML on every page visited (Nu HTML Checker)', async () => {
  const errors = await served.validate();
  assert.deepEqual(errors, []);
  assert.deepEqual(served.missed, []);
  assert.ok(served.count >= 6, `checked ${served.count} pages`);
});
