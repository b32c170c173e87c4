import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type supertest from 'supertest';
import type { TestClock } from '../helpers/build.js';
import { loginAs } from '../helpers/members.js';
import { submit } from '../helpers/build.js';
import { consoleApp, LIBRARIAN } from './helpers.js';
import { tableRows } from './tables.js';

const at = (iso: string) => Date.parse(iso);
const PROXIED = { TRUST_PROXY: '1' };
const FORMULA = "=cmd|'/c calc'!A1";

/** Three client addresses behind one trusted proxy hop: the top lists need three visits (k-anonymity). */
const NEIGHBOURS = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];

/**
 * A known script of searches over three days, by an anonymous visitor and a
 * logged-in member, as members make them: typed in the search box (accents,
 * case and spacing varied), a facet value ticked, and, which must never count,
 * a second page, a sort change, the return to the results after a basket add
 * and a reload. Searches that find nothing, and one outside the range
 * reported. Each step is made from three addresses, so every figure is three
 * times the script's and every query clears the three-visit threshold.
 */
async function runScript(clock: TestClock, visitor: supertest.Agent, member: supertest.Agent, librarian: supertest.Agent): Promise<void> {
  const fromEach = async (who: supertest.Agent, url: string) => {
    for (const address of NEIGHBOURS) {
      const res = await who.get(url).set('X-Forwarded-For', address);
      // A typed search or a ticked value is logged, then shown at its plain address.
      if (res.status === 303) await who.get(res.headers.location!).set('X-Forwarded-For', address).expect(200);
      else assert.equal(res.status, 200);
    }
  };
  const typed = (who: supertest.Agent, q: string) => fromEach(who, `/search?q=${q}&via=box`);
  const ticked = (who: supertest.Agent, query: string) => fromEach(who, `/search?${query}&via=facet`);
  const moved = (who: supertest.Agent, query: string) => fromEach(who, `/search?${query}`);
  clock.now = at('2026-11-21T09:30:00Z');
  await typed(visitor, 'Bront%C3%AB');
  await typed(member, '%20%20BRONTE%20');
  await moved(visitor, 'q=bronte&page=2');
  await typed(visitor, 'Zadie%20Smith');
  await typed(member, 'emma');
  await ticked(member, 'q=emma&f=mediaType:audiobook');
  await moved(member, 'q=emma&f=mediaType:audiobook&sort=title');
  // Adding to the basket without JavaScript returns to the results: not a new search.
  for (const address of NEIGHBOURS) {
    const added = await submit(visitor, '/basket/add', { id: 'rec-emma', return: '/search?q=emma' }, { status: 302 });
    await visitor.get(added.headers.location!).set('X-Forwarded-For', address).expect(200);
  }
  clock.now = at('2026-11-22T16:05:00Z');
  await typed(visitor, 'z%C3%A1die%20%20smith');
  await typed(visitor, 'Emma');
  await moved(visitor, 'q=emma');
  await ticked(member, 'q=emma&f=mediaType:audiobook&f=language:eng');
  await typed(visitor, encodeURIComponent(FORMULA));
  clock.now = at('2026-11-24T08:00:00Z');
  await typed(visitor, 'bronte');
  // Two days on, the librarian's visit has timed out: they log in again to read the report.
  await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);
}

/** What a server-drawn chart shows: legend, row labels, bar titles and numbers, and whether its text fits its viewBox. */
function chartOn(page: string, id: string) {
  const svg = new RegExp(`<svg class="day-chart" id="${id}"[\\s\\S]*?</svg>`).exec(page)?.[0] ?? '';
  const [width, height] = (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? []).slice(1).map(Number);
  const texts = [...svg.matchAll(/<text [^>]*x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }));
  // A generous 7 units a character at font size 12: a label starting or ending past the edge would be cut off.
  const fitsInside = texts.length > 0 && texts.every((t) => {
    const anchoredEnd = new RegExp(`x="${t.x}" y="${t.y}" text-anchor="end"`).test(svg);
    const [from, to] = anchoredEnd ? [t.x - 7 * t.text.length, t.x] : [t.x, t.x + 7 * t.text.length];
    return from >= 0 && to <= width! && t.y <= height! && t.y >= 0;
  });
  return {
    svg, fitsInside,
    legend: [...svg.matchAll(/<text x="[\d.]+" y="16">([^<]*)<\/text>/g)].map((m) => m[1]),
    labels: [...svg.matchAll(/<text class="day-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
    bars: [...svg.matchAll(/<rect [^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]),
    values: [...svg.matchAll(/<text class="bar-value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
  };
}

describe('search demand report', () => {
  it('gives the figures of a known script of searches exactly', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t, PROXIED);
    await runScript(clock, browser(), member, librarian);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-23').expect(200)).text;
    assert.match(page, /<p id="demand-total"><strong>21<\/strong> searches from 2026-11-21 to 2026-11-23, of which <strong>9<\/strong> found nothing\.<\/p>/);
    assert.deepEqual(tableRows(page, 'searches-per-day'), [['2026-11-21', '12', '3'], ['2026-11-22', '9', '6'], ['2026-11-23', '0', '0']]);
    assert.deepEqual(tableRows(page, 'top-queries'), [
      ['1', 'bronte', '6'], ['2', 'emma', '6'], ['3', 'zadie smith', '6'], ['4', FORMULA.toLowerCase(), '3'],
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
      'searches per day,2026-11-22,9,6',
      'searches per day,2026-11-23,0,0',
      'top queries,bronte,6,',
      'top queries,emma,6,',
      'top queries,zadie smith,6,',
      `top queries,'${FORMULA.toLowerCase()},3,`,
      'queries that found nothing,zadie smith,6,6',
      `queries that found nothing,'${FORMULA.toLowerCase()},3,3`,
      'filters used,mediaType:audiobook,6,',
      'filters used,language:eng,3,',
      'range,2026-11-21 to 2026-11-23,21,9',
      '',
    ]);
  });

  it('draws all searches and those that found nothing as two series, every day labelled, numbers as in the table', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t, PROXIED);
    await runScript(clock, browser(), member, librarian);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-23').expect(200)).text;
    const chart = chartOn(page, 'searches-chart');
    assert.match(chart.svg, /role="img" aria-labelledby="searches-chart-title searches-chart-desc"/);
    assert.match(chart.svg, /<desc id="searches-chart-desc">Searches per day from 2026-11-21 to 2026-11-23: All searches, 21 searches in all; Found nothing, 9 found nothing in all\./);
    assert.deepEqual(chart.legend, ['All searches', 'Found nothing']);
    assert.deepEqual(chart.labels, ['21 Nov', '22 Nov', '23 Nov'], 'the last day is labelled too');
    assert.deepEqual(chart.bars, [
      '2026-11-21: 12 searches', '2026-11-21: 3 found nothing', '2026-11-22: 9 searches', '2026-11-22: 6 found nothing',
      '2026-11-23: 0 searches', '2026-11-23: 0 found nothing',
    ]);
    assert.deepEqual(chart.values, tableRows(page, 'searches-per-day').flatMap(([, searches, zero]) => [searches, zero]));
    assert.ok(chart.fitsInside, 'every label and number lies inside the drawing');
  });

  it('counts distinct and returning visitors per day from consented analytics, as a chart with its table', async (t) => {
    const { librarian, browser, clock } = await consoleApp(t);
    const consenting = async () => {
      const visitor = browser();
      await visitor.get('/');
      await submit(visitor, '/cookies/settings', { analytics: 'yes', return: '/' }, { status: 302 });
      return visitor;
    };
    clock.now = at('2026-11-21T09:00:00Z');
    const [ann, bob, cy] = [await consenting(), await consenting(), browser()];
    await cy.get('/').expect(200); // no consent: never counted
    await ann.get('/search?q=emma').expect(200);
    await bob.get('/').expect(200);
    clock.now = at('2026-11-22T12:00:00Z');
    await ann.get('/').expect(200);
    const dee = await consenting();
    await dee.get('/').expect(200);
    await cy.get('/').expect(200);
    clock.now = at('2026-11-23T18:00:00Z');
    for (const visitor of [ann, bob, bob, cy]) await visitor.get('/').expect(200);
    await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);
    await new Promise((resolve) => setImmediate(resolve)); // counting is written off the response path
    const page = (await librarian.get('/librarian/demand?from=2026-11-20&to=2026-11-23').expect(200)).text;
    const expected = [['2026-11-20', '0', '0'], ['2026-11-21', '2', '0'], ['2026-11-22', '2', '1'], ['2026-11-23', '2', '2']];
    assert.deepEqual(tableRows(page, 'visitors-per-day'), expected);
    const chart = chartOn(page, 'visitors-chart');
    assert.deepEqual(chart.labels, ['20 Nov', '21 Nov', '22 Nov', '23 Nov']);
    assert.deepEqual(chart.values, expected.flatMap(([, visitors, returning]) => [visitors, returning]));
    assert.match(page, /<strong>6<\/strong> visitor-days in this period\./);
  });

  it('labels every row of a long range without cutting any off, by week past two months', async (t) => {
    const { librarian } = await consoleApp(t);
    const month = chartOn((await librarian.get('/librarian/demand?from=2026-10-25&to=2026-11-23').expect(200)).text, 'searches-chart');
    assert.equal(month.labels.length, 30);
    assert.equal(month.labels.at(-1), '23 Nov');
    assert.ok(month.fitsInside);
    const year = chartOn((await librarian.get('/librarian/demand?from=2025-11-24&to=2026-11-23').expect(200)).text, 'searches-chart');
    assert.equal(year.labels.length, 53);
    assert.equal(year.labels[0], 'w/c 24 Nov');
    assert.ok(year.fitsInside);
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
    for (let i = 0; i < 20; i++) await stuffer.get('/search?q=buy+cheap+pills&via=box').set('X-Forwarded-For', '203.0.113.66').expect(303);
    for (let i = 0; i < 20; i++) await stuffer.get('/search?q=buy+cheap+pills&f=subject:spam&via=facet').set('X-Forwarded-For', '203.0.113.66').expect(303);
    for (const address of NEIGHBOURS.slice(0, 2)) await browser().get('/search?q=my+rare+illness&via=box').set('X-Forwarded-For', address).expect(303);
    for (const address of NEIGHBOURS) await browser().get('/search?q=knitting&via=box').set('X-Forwarded-For', address).expect(303);
    await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-21').expect(200)).text;
    assert.deepEqual(tableRows(page, 'top-queries'), [['1', 'knitting', '3']]);
    assert.match(page, /No filter was used in enough visits in this period\./);
    assert.match(page, /<strong>25<\/strong> searches/, 'all searches still count in the totals');
  });
});
