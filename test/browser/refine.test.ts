import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { NARROW, recordsCounted } from './checks.js';
import { siteForFile } from './harness.js';
import { Visit } from './visit.js';

// In-page code runs in Chromium; the project's tsconfig has no DOM lib, so its globals are declared for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

const file = siteForFile();
const served = file.served;

const totalOn = recordsCounted;

/** The media-type values offered: label, the count in brackets, and whether it is ticked. */
async function mediaTypes(page: Page): Promise<Array<{ label: string; count: string; ticked: boolean }>> {
  return page.locator('#facet-mediaType + ul a, #facet-mediaType + p + ul a').evaluateAll((links) => links.map((a: any) => ({
    label: a.childNodes[0].textContent.trim(),
    count: (a.querySelector('.count')?.textContent ?? '').replace(/[()]/g, ''),
    ticked: a.classList.contains('facet__selected'),
  })));
}

async function search(visit: Visit, words: string): Promise<void> {
  if (visit.page.url() === 'about:blank') {
    // A member answers the cookie banner once, on arrival; after that the page starts with the header.
    await visit.go('home page', '/');
    await visit.step('reject analytics', (page) => page.getByRole('button', { name: 'Reject analytics cookies' }).click());
  }
  await visit.step(`search for ${words}`, async (page) => {
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill(words);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/search' && !url.searchParams.has('via'));
  });
}

for (const scripted of [true, false]) {
  describe(`multi-select facets, JavaScript ${scripted ? 'on' : 'off'}`, () => {
    let visit: Visit;
    before(async () => {
      visit = await Visit.open(file.site, served, new Map(), { javaScriptEnabled: scripted });
    });
    after(async () => {
      await visit?.close();
    });

    it('ticks Book, then Audiobook as well: the other types stay offered, each saying what it adds, and the total is that', async () => {
      await search(visit, 'the');
      const before = await mediaTypes(visit.page);
      assert.ok(before.length >= 4 && before.every((v) => !v.ticked && /^\d+$/.test(v.count)), JSON.stringify(before));
      const books = Number(before.find((v) => v.label === 'Book')!.count);
      await visit.step('tick Book', (page) => page.locator('#facet-mediaType ~ ul').getByRole('link', { name: /^Book \(/ }).click());
      assert.equal(await totalOn(visit.page), books);
      const ticked = await mediaTypes(visit.page);
      assert.deepEqual(ticked[0], { label: 'Book', count: String(books), ticked: true });
      assert.ok(ticked.length === before.length && ticked.slice(1).every((v) => !v.ticked && v.count.startsWith('+')), JSON.stringify(ticked));
      const audio = ticked.find((v) => v.label === 'Audiobook')!;
      await visit.step('tick Audiobook too', (page) => page.locator('#facet-mediaType ~ ul').getByRole('link', { name: /^Audiobook \(/ }).click());
      assert.equal(await totalOn(visit.page), books + Number(audio.count.slice(1)));
      const chips = await visit.page.locator('.active-filters .chip').allInnerTexts();
      assert.deepEqual(chips.map((c) => c.split('×')[0]!.trim()).sort(), ['Media type: Audiobook', 'Media type: Book']);
      await visit.step('untick Book', (page) => page.locator('#facet-mediaType ~ ul').getByRole('link', { name: /^Book \(/ }).click());
      assert.equal(await totalOn(visit.page), Number(before.find((v) => v.label === 'Audiobook')!.count));
      assert.deepEqual((await mediaTypes(visit.page)).filter((v) => v.ticked).map((v) => v.label), ['Audiobook']);
    });
  });
}

describe('on a phone (360 px)', () => {
  let visit: Visit;
  before(async () => {
    visit = await Visit.open(file.site, served, new Map(), { viewport: NARROW });
  });
  after(async () => {
    await visit?.close();
  });

  it('offers "Refine your search" near the top, reached by keyboard, which jumps to the facets and back', async () => {
    await search(visit, 'austen');
    const refine = visit.page.locator('#refine-link');
    assert.ok(await refine.isVisible(), 'the Refine control shows on a phone');
    const box = (await refine.boundingBox())!;
    assert.ok(box.y + box.height < NARROW.height, `the Refine control is on the first screen (y = ${Math.round(box.y)})`);
    const facetsAt = await visit.page.locator('#facets').evaluate((el: any) => el.getBoundingClientRect().top + window.scrollY);
    assert.ok(facetsAt > 2 * NARROW.height, `the facets are far below (y = ${Math.round(facetsAt)}), so the control is needed`);
    await visit.step('keyboard: Refine', async (page) => {
      await page.locator('#q').focus();
      for (let presses = 0; presses < 30; presses++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.id === 'refine-link')) break;
      }
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'refine-link', 'Tab reaches the Refine control');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#facets$/);
    });
    const heading = (await visit.page.locator('#facets-heading').boundingBox())!;
    assert.ok(heading.y >= 0 && heading.y < NARROW.height, `the facets are in view (heading at y = ${Math.round(heading.y)})`);
    assert.equal(await visit.page.evaluate(() => document.activeElement?.id), 'facets', 'focus moves to the facets, so Tab goes on from there');
    await visit.step('tick from the facets', (page) => page.locator('#facets').getByRole('link', { name: /^Audiobook \(/ }).click());
    assert.match(await visit.page.locator('#refine-link').innerText(), /Refine your search \(1 filter in use\)/);
    await visit.step('back to the results', async (page) => {
      await page.locator('#refine-link').click();
      await page.locator('#facets').getByRole('link', { name: 'Back to the results' }).click();
      await page.waitForURL(/#results-heading$/);
    });
    assert.ok(((await visit.page.locator('#results-heading').boundingBox())!.y) < NARROW.height);
  });

  it('opens a record with its availability on the first screen and the search still in the box', async () => {
    await search(visit, 'austen');
    await visit.step('open a record', (page) => page.locator('.result__title a').first().click());
    assert.equal(await visit.page.locator('#q').inputValue(), 'austen');
    const availability = (await visit.page.locator('#availability').boundingBox())!;
    assert.ok(availability.y + availability.height < NARROW.height, `availability is on the first screen (y = ${Math.round(availability.y)})`);
    await visit.step('back to results', (page) => page.getByRole('link', { name: '← Back to results' }).click());
    assert.match(visit.page.url(), /\/search\?q=austen$/);
  });

  it('hides the Refine control on a wide screen, where the facets sit beside the results', async () => {
    await visit.page.setViewportSize({ width: 1280, height: 900 });
    try {
      await visit.go('wide results', '/search?q=austen');
      assert.equal(await visit.page.locator('#refine-link').isVisible(), false);
    } finally {
      await visit.page.setViewportSize(NARROW);
    }
  });
});

it('serves only valid HTML on every page visited (Nu HTML Checker)', async () => {
  const errors = await served.validate();
  assert.deepEqual(errors, []);
  assert.deepEqual(served.missed, []);
  assert.ok(served.count >= 8, `checked ${served.count} pages`);
});
