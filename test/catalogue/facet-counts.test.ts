import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type supertest from 'supertest';
import { build } from '../helpers/build.js';
import { loadDemoCatalogue } from '../../src/import/demo.js';

const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/**
 * The records a results page counts ("Showing 1–20 of 27 results"; with
 * editions grouped, "… of 3 results (9 records: …" or "(from the best 100 of
 * 420 records: …"), as facet values count records; 0 for the no-results page.
 */
function totalOf(html: string): number {
  const shown = /id="result-count">Showing \d+–\d+ of (\d+) results?(?: <span class="result-count__records">\((?:from the best \d+ of )?(\d+) records)?/.exec(html);
  if (shown) return Number(shown[2] ?? shown[1]);
  assert.match(html, /There are no results that match your search criteria/);
  return 0;
}

interface Offered { field: string; label: string; href: string; count: string; selected: boolean }

/** Every facet value a results page offers, as a member sees it: link, label and the count in brackets. */
function offered(html: string): Offered[] {
  const values: Offered[] = [];
  for (const section of html.matchAll(/<section class="facet" aria-labelledby="facet-(\w+)">([\s\S]*?)<\/section>/g)) {
    for (const m of section[2]!.matchAll(/<a href="([^"]+)" class="facet__value( facet__selected)?"[^>]*>([^<]+?)(?: <span class="count">\(([^)]*)\)<\/span>)?</g)) {
      values.push({ field: section[1]!, href: unescape(m[1]!), selected: Boolean(m[2]), label: m[3]!, count: m[4] ?? '' });
    }
  }
  return values;
}

/** Follow a link as a browser does: a ticked value is logged, then redirected to its plain address. */
async function follow(request: () => supertest.Agent, href: string): Promise<string> {
  const res = await request().get(href);
  if (res.status === 303) return (await request().get(res.headers.location!).expect(200)).text;
  assert.equal(res.status, 200, href);
  return res.text;
}

describe('multi-select facets on the demo catalogue', () => {
  // Browsing, words, one value, two fields, two values of one field with a third field.
  const STATES = [
    '/search',
    '/search?q=the',
    '/search?f=branch:Central+Library',
    '/search?q=the&f=branch:Central+Library&f=mediaType:book',
    '/search?f=mediaType:book&f=mediaType:audiobook&f=language:eng',
  ];

  it('every count offered is exactly what following its link gives', async (t) => {
    const built = await build(t, { records: [] });
    await loadDemoCatalogue(built.store);
    const request = () => built.browser();
    let followed = 0;
    for (const state of STATES) {
      const page = (await request().get(state).expect(200)).text;
      const total = totalOf(page);
      const values = offered(page);
      assert.ok(values.length > 10, `${state} offers facet values`);
      for (const v of values.filter((x) => !x.selected)) {
        const after = totalOf(await follow(request, v.href));
        // "(12)": the results a click shows. "(+3)": a value of a field that already has one ticked; OR widens by that many.
        const expected = v.count.startsWith('+') ? total + Number(v.count.slice(1)) : Number(v.count);
        assert.equal(after, expected, `${state}: ${v.field} "${v.label}" offered (${v.count}), a click gives ${after}`);
        followed++;
      }
    }
    assert.ok(followed > 150, `followed ${followed} facet links`);
  });

  it('keeps the other values of a field, ticked values first, after one is ticked, so several can be chosen', async (t) => {
    const built = await build(t, { records: [] });
    await loadDemoCatalogue(built.store);
    const request = () => built.browser();
    const book = offered(await follow(request, '/search?f=mediaType:book&via=facet'));
    const mediaTypes = book.filter((v) => v.field === 'mediaType');
    assert.deepEqual(mediaTypes.map((v) => [v.label, v.selected]), [
      ['Book', true], ['Large print', false], ['E-book', false], ['DVD', false], ['Music CD', false], ['Audiobook', false],
    ]);
    assert.equal(mediaTypes[0]!.count, '335');
    assert.ok(mediaTypes.slice(1).every((v) => v.count.startsWith('+')), 'the others say what they add');
    const audiobook = mediaTypes.find((v) => v.label === 'Audiobook')!;
    assert.match(audiobook.href, /f=mediaType%3Abook&f=mediaType%3Aaudiobook/);
    const both = await follow(request, audiobook.href);
    assert.equal(totalOf(both), 335 + 29);
    assert.match(both, /Media type: Book/);
    assert.match(both, /Media type: Audiobook/);
    // Unticking one keeps the other.
    const untick = offered(both).find((v) => v.selected && v.label === 'Book')!;
    assert.equal(totalOf(await follow(request, untick.href)), 29);
  });

  it('shows a ticked value with the number of results that hold it', async (t) => {
    const built = await build(t, { records: [] });
    await loadDemoCatalogue(built.store);
    const request = () => built.browser();
    const page = await follow(request, '/search?q=the&f=branch:Central+Library&f=branch:Northgate&f=mediaType:book');
    for (const v of offered(page).filter((x) => x.selected && x.field === 'branch')) {
      const value = v.label;
      const alone = totalOf(await follow(request, `/search?q=the&f=mediaType:book&f=${encodeURIComponent(`branch:${value}`)}`));
      assert.equal(Number(v.count), alone, `${value} (${v.count})`);
    }
  });

  it('old single-value links keep working', async (t) => {
    const built = await build(t, { records: [] });
    await loadDemoCatalogue(built.store);
    const browse = offered((await built.request().get('/search').expect(200)).text);
    const northgate = browse.find((v) => v.field === 'branch' && v.label === 'Northgate')!;
    const page = (await built.request().get('/search?f=branch:Northgate').expect(200)).text;
    assert.equal(totalOf(page), Number(northgate.count));
    assert.match(page, /Branch: Northgate/);
    assert.ok(offered(page).some((v) => v.field === 'branch' && v.label === 'Central Library' && v.count.startsWith('+')));
  });
});
