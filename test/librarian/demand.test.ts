import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type supertest from 'supertest';
import type { TestClock } from '../helpers/build.js';
import { loginAs } from '../helpers/members.js';
import { consoleApp, LIBRARIAN } from './helpers.js';
import { tableRows } from './tables.js';

const at = (iso: string) => Date.parse(iso);
const PROXIED = { TRUST_PROXY: '1' };
const FORMULA = "=cmd|'/c calc'!A1";

/** Three client addresses behind one trusted proxy hop: the top lists need three visits (k-anonymity). */
const NEIGHBOURS = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];

/**
 * A known script of searches over three days, by an anonymous visitor and a
 * logged-in member, with accents, case and spacing varied, a second page,
 * filters, searches that find nothing, and one outside the range reported.
 * Each search is made from three addresses, so every figure is three times
 * the script's and every query clears the three-visit threshold.
 */
async function runScript(clock: TestClock, visitor: supertest.Agent, member: supertest.Agent, librarian: supertest.Agent): Promise<void> {
  const search = async (who: supertest.Agent, query: string) => {
    for (const address of NEIGHBOURS) await who.get(`/search?${query}`).set('X-Forwarded-For', address).expect(200);
  };
  clock.now = at('2026-11-21T09:30:00Z');
  await search(visitor, 'q=Bront%C3%AB');
  await search(member, 'q=%20%20BRONTE%20');
  await search(visitor, 'q=bronte&page=2');
  await search(visitor, 'q=Zadie%20Smith');
  await search(member, 'q=emma&f=mediaType:audiobook');
  clock.now = at('2026-11-22T16:05:00Z');
  await search(visitor, 'q=z%C3%A1die%20%20smith');
  await search(visitor, 'q=Emma');
  await search(member, 'q=emma&f=mediaType:audiobook&f=language:eng');
  await search(visitor, `q=${encodeURIComponent(FORMULA)}`);
  clock.now = at('2026-11-24T08:00:00Z');
  await search(visitor, 'q=bronte');
  // Two days on, the librarian's visit has timed out: they log in again to read the report.
  await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);
}

describe('search demand report', () => {
  it('gives the figures of a known script of searches exactly', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t, PROXIED);
    await runScript(clock, browser(), member, librarian);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-23').expect(200)).text;
    assert.match(page, /<p id="demand-total"><strong>24<\/strong> searches from 2026-11-21 to 2026-11-23, of which <strong>9<\/strong> found nothing\.<\/p>/);
    assert.deepEqual(tableRows(page, 'searches-per-day'), [['2026-11-21', '12', '3'], ['2026-11-22', '12', '6'], ['2026-11-23', '0', '0']]);
    assert.deepEqual(tableRows(page, 'top-queries'), [
      ['1', 'emma', '9'], ['2', 'bronte', '6'], ['3', 'zadie smith', '6'], ['4', FORMULA.toLowerCase(), '3'],
    ]);
    assert.deepEqual(tableRows(page, 'top-zero'), [['1', 'zadie smith', '6'], ['2', FORMULA.toLowerCase(), '3']]);
    assert.deepEqual(tableRows(page, 'top-filters'), [['1', 'Media type: Audiobook', '6'], ['2', 'Language: English', '3']]);
  });

  it('downloads the same figures as CSV, with formulas made harmless', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t, PROXIED);
    await runScript(clock, browser(), member, librarian);
    const res = await librarian.get('/librarian/demand.csv?from=2026-11-21&to=2026-11-23').expect(200);
    assert.match(res.headers['content-disposition'] ?? '', /filename="search-demand-2026-11-21-to-2026-11-23\.csv"/);
    assert.deepEqual(res.text.split('\r\n'), [
      'section,value,searches,found_nothing',
      'searches per day,2026-11-21,12,3',
      'searches per day,2026-11-22,12,6',
      'searches per day,2026-11-23,0,0',
      'top queries,emma,9,',
      'top queries,bronte,6,',
      'top queries,zadie smith,6,',
      `top queries,'${FORMULA.toLowerCase()},3,`,
      'queries that found nothing,zadie smith,6,6',
      `queries that found nothing,'${FORMULA.toLowerCase()},3,3`,
      'filters used,mediaType:audiobook,6,',
      'filters used,language:eng,3,',
      'range,2026-11-21 to 2026-11-23,24,9',
      '',
    ]);
  });

  it('draws searches per day as an accessible SVG chart with one bar per day', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t, PROXIED);
    await runScript(clock, browser(), member, librarian);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-23').expect(200)).text;
    const svg = /<svg class="demand-chart"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    assert.match(svg, /role="img" aria-labelledby="chart-title chart-desc"/);
    assert.match(svg, /<title id="chart-title">Searches per day<\/title>/);
    assert.match(svg, /<desc id="chart-desc">Bar chart of searches per day from 2026-11-21 to 2026-11-23: 24 searches in all, the busiest day 2026-11-21 with 12\./);
    assert.deepEqual([...svg.matchAll(/<rect [^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]), [
      '2026-11-21: 12 searches', '2026-11-22: 12 searches', '2026-11-23: 0 searches',
    ]);
  });

  it('covers the last 30 days by default, and explains a range it had to change', async (t) => {
    const { librarian } = await consoleApp(t);
    const page = (await librarian.get('/librarian/demand').expect(200)).text;
    assert.match(page, /name="from" value="2026-10-25"/);
    assert.match(page, /name="to" value="2026-11-23"/);
    assert.equal(tableRows(page, 'searches-per-day').length, 30);
    const swapped = (await librarian.get('/librarian/demand?from=2026-11-23&to=2026-11-01').expect(200)).text;
    assert.match(swapped, /<p class="console-error" role="alert" id="range-problem">The start date was after the end date/);
    const bad = (await librarian.get('/librarian/demand?from=2026-02-30&to=%27%3B--').expect(200)).text;
    assert.match(bad, /Dates must be real dates written as YYYY-MM-DD/);
  });

  it('leaves out of the top lists what fewer than three visits searched, however often', async (t) => {
    const { librarian, browser, clock } = await consoleApp(t, PROXIED);
    clock.now = at('2026-11-21T09:30:00Z');
    const stuffer = browser();
    for (let i = 0; i < 20; i++) await stuffer.get('/search?q=buy+cheap+pills&f=subject:spam').set('X-Forwarded-For', '203.0.113.66').expect(200);
    for (const address of NEIGHBOURS.slice(0, 2)) await browser().get('/search?q=my+rare+illness').set('X-Forwarded-For', address).expect(200);
    for (const address of NEIGHBOURS) await browser().get('/search?q=knitting').set('X-Forwarded-For', address).expect(200);
    await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-21').expect(200)).text;
    assert.deepEqual(tableRows(page, 'top-queries'), [['1', 'knitting', '3']]);
    assert.match(page, /No filter was used in enough visits in this period\./);
    assert.match(page, /<strong>25<\/strong> searches/, 'all searches still count in the totals');
  });
});
