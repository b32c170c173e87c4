import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type supertest from 'supertest';
import type { TestClock } from '../helpers/build.js';
import { loginAs } from '../helpers/members.js';
import { consoleApp, LIBRARIAN } from './helpers.js';
import { tableRows } from './tables.js';

const at = (iso: string) => Date.parse(iso);
const FORMULA = "=cmd|'/c calc'!A1";

/**
 * A known script of searches over three days, by an anonymous visitor and a
 * logged-in member, with accents, case and spacing varied, a second page,
 * filters, searches that find nothing, and one outside the range reported.
 */
async function runScript(clock: TestClock, visitor: supertest.Agent, member: supertest.Agent, librarian: supertest.Agent): Promise<void> {
  const search = (who: supertest.Agent, query: string) => who.get(`/search?${query}`).expect(200);
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
    const { librarian, member, browser, clock } = await consoleApp(t);
    await runScript(clock, browser(), member, librarian);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-23').expect(200)).text;
    assert.match(page, /<p id="demand-total"><strong>8<\/strong> searches from 2026-11-21 to 2026-11-23, of which <strong>3<\/strong> found nothing\.<\/p>/);
    assert.deepEqual(tableRows(page, 'searches-per-day'), [['2026-11-21', '4', '1'], ['2026-11-22', '4', '2'], ['2026-11-23', '0', '0']]);
    assert.deepEqual(tableRows(page, 'top-queries'), [
      ['1', 'emma', '3'], ['2', 'bronte', '2'], ['3', 'zadie smith', '2'], ['4', FORMULA.toLowerCase(), '1'],
    ]);
    assert.deepEqual(tableRows(page, 'top-zero'), [['1', 'zadie smith', '2'], ['2', FORMULA.toLowerCase(), '1']]);
    assert.deepEqual(tableRows(page, 'top-filters'), [['1', 'Media type: Audiobook', '2'], ['2', 'Language: English', '1']]);
  });

  it('downloads the same figures as CSV, with formulas made harmless', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t);
    await runScript(clock, browser(), member, librarian);
    const res = await librarian.get('/librarian/demand.csv?from=2026-11-21&to=2026-11-23').expect(200);
    assert.match(res.headers['content-disposition'] ?? '', /filename="search-demand-2026-11-21-to-2026-11-23\.csv"/);
    assert.deepEqual(res.text.split('\r\n'), [
      'section,value,searches,found_nothing',
      'searches per day,2026-11-21,4,1',
      'searches per day,2026-11-22,4,2',
      'searches per day,2026-11-23,0,0',
      'top queries,emma,3,',
      'top queries,bronte,2,',
      'top queries,zadie smith,2,',
      `top queries,'${FORMULA.toLowerCase()},1,`,
      'queries that found nothing,zadie smith,2,2',
      `queries that found nothing,'${FORMULA.toLowerCase()},1,1`,
      'filters used,mediaType:audiobook,2,',
      'filters used,language:eng,1,',
      'range,2026-11-21 to 2026-11-23,8,3',
      '',
    ]);
  });

  it('draws searches per day as an accessible SVG chart with one bar per day', async (t) => {
    const { librarian, member, browser, clock } = await consoleApp(t);
    await runScript(clock, browser(), member, librarian);
    const page = (await librarian.get('/librarian/demand?from=2026-11-21&to=2026-11-23').expect(200)).text;
    const svg = /<svg class="demand-chart"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
    assert.match(svg, /role="img" aria-labelledby="chart-title chart-desc"/);
    assert.match(svg, /<title id="chart-title">Searches per day<\/title>/);
    assert.match(svg, /<desc id="chart-desc">Bar chart of searches per day from 2026-11-21 to 2026-11-23: 8 searches in all, the busiest day 2026-11-21 with 4\./);
    assert.deepEqual([...svg.matchAll(/<rect [^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]), [
      '2026-11-21: 4 searches', '2026-11-22: 4 searches', '2026-11-23: 0 searches',
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
});
