import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, submit } from '../helpers/build.js';
import { copy, makeRecord } from '../storage/fixtures.js';

const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
const hrefOf = (html: string, pattern: RegExp) => unescape(pattern.exec(html)?.[1] ?? '');
const titles = (html: string) => [...html.matchAll(/class="result__title"><a href="[^"]+">([^<]+)</g)].map((m) => m[1]!);

const discworld = [
  makeRecord({ id: 'dw-1', title: 'The Colour of Magic', authors: ['Pratchett, Terry'], series: ['Discworld ; 1'], subjects: ['Wizards -- Fiction'], year: 1983, holdings: [copy('Central', 'available')] }),
  makeRecord({ id: 'dw-4', title: 'Mort', authors: ['Pratchett, Terry'], series: ['Discworld ; 4'], subjects: ['Death -- Fiction'], year: 1987, holdings: [copy('Central', 'on-loan'), copy('Northside', 'available', 'N-1')] }),
  makeRecord({ id: 'dw-13', title: 'Small Gods', authors: ['Pratchett, Terry'], series: ['Discworld ; 13'], subjects: ['Gods -- Fiction'], year: 1992 }),
  makeRecord({ id: 'gn-1', title: 'Good Omens', authors: ['Gaiman, Neil', 'Pratchett, Terry'], subjects: ['Death -- Fiction'], year: 1990 }),
];

describe('the record page, as a member uses it', () => {
  it('says first whether it is available and where to find it, before the details', async (t) => {
    const { request } = await build(t, { records: discworld });
    const page = (await request().get('/record/dw-4').expect(200)).text;
    assert.match(page, /<p class="availability availability--yes" id="availability">\s*On the shelf: 1 of 1 at Northside\s*<\/p>/);
    const where = page.indexOf('id="holdings-heading"');
    const holdings = page.indexOf('<table class="holdings"');
    const details = page.indexOf('id="details-heading"');
    const author = page.indexOf('<dt>Author</dt>');
    assert.ok(where > 0 && where < holdings && holdings < details && details < author, 'availability and holdings come before the details');
    assert.ok(page.indexOf('action="/basket/add"') < details, 'the basket button sits with the availability');
    assert.match((await request().get('/record/dw-13').expect(200)).text, /availability--no" id="availability">\s*No copies held/);
  });

  it('keeps the search box filled with the search that found it, links back to those results, even after a basket add', async (t) => {
    const { browser } = await build(t, { records: discworld });
    const visitor = browser();
    const results = (await visitor.get('/search?q=pratchett&f=branch:Central').expect(200)).text;
    const link = hrefOf(results, /class="result__title"><a href="(\/record\/dw-4[^"]*)"/);
    assert.equal(link, '/record/dw-4?q=pratchett&f=branch%3ACentral');
    const record = (await visitor.get(link).expect(200)).text;
    assert.match(record, /<input id="q" name="q" type="search" value="pratchett"/);
    assert.equal(hrefOf(record, /<a href="([^"]+)">← Back to results<\/a>/), '/search?q=pratchett&f=branch%3ACentral');
    assert.match(record, /<link rel="canonical" href="http:\/\/[^"]+\/record\/dw-4">/);
    // Without JavaScript the add comes back to this page: the query is still there.
    const returnTo = hrefOf(record, /name="return" value="([^"]+)"/);
    const added = await submit(visitor, '/basket/add', { id: 'dw-4', return: returnTo }, { status: 302 });
    const back = (await visitor.get(added.headers.location!).expect(200)).text;
    assert.match(back, /<input id="q" name="q" type="search" value="pratchett"/);
    assert.match(back, /← Back to results/);
    // Opened directly, the box is empty and there is nothing to go back to.
    const direct = (await visitor.get('/record/dw-4').expect(200)).text;
    assert.match(direct, /<input id="q" name="q" type="search" value=""/);
    assert.doesNotMatch(direct, /Back to results/);
  });

  it('links to more by the author, the whole series without its volume, and each subject, and each link finds them', async (t) => {
    const { request } = await build(t, { records: discworld });
    const page = (await request().get('/record/dw-4').expect(200)).text;
    const byAuthor = hrefOf(page, /<a href="([^"]+)" id="more-by-author">More by Pratchett, Terry<\/a>/);
    assert.deepEqual(titles((await request().get(byAuthor).expect(200)).text).sort(), ['Good Omens', 'Mort', 'Small Gods', 'The Colour of Magic']);
    const inSeries = hrefOf(page, /<a href="([^"]+)" class="more-in-series">More in the series Discworld<\/a>/);
    assert.equal(new URL(inSeries, 'http://x').searchParams.get('q'), 'series:"Discworld"');
    assert.deepEqual(titles((await request().get(inSeries).expect(200)).text).sort(), ['Mort', 'Small Gods', 'The Colour of Magic']);
    // The series in the details links the same way, not to 'Discworld ; 4' (which finds only this book).
    assert.equal(hrefOf(page, /<li><a href="([^"]+)">Discworld ; 4<\/a><\/li>/), inSeries);
    const onSubject = hrefOf(page, /<a href="([^"]+)" class="more-on-subject">More on Death -- Fiction<\/a>/);
    assert.deepEqual(titles((await request().get(onSubject).expect(200)).text).sort(), ['Good Omens', 'Mort']);
  });
});
