import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CatalogueRecord } from '../../src/model/record.js';
import { DEMO_CATALOGUE_PATH } from '../../src/import/demo.js';
import { readMarcxml } from '../../src/import/marc/marcxml-reader.js';
import { build } from '../helpers/build.js';
import { fixture, okRecords, readAll } from '../import/helpers.js';

const demo = () => JSON.parse(readFileSync(DEMO_CATALOGUE_PATH, 'utf8')) as CatalogueRecord[];
const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

interface Row { kind: 'record' | 'work'; id: string; href: string; title: string; editions: number; formats: string; availability: string[] }

/** The result lines of a page as a member reads them: a record, or a work with its editions and formats. */
function rows(html: string): Row[] {
  const list = html.slice(html.indexOf('<ol class="results"'), html.indexOf('</ol>'));
  return list.split(/<li class="result[ "]/).slice(1).map((body) => {
    const title = /class="result__title"><a href="(\/(record|work)\/([^"?#]+)[^"]*)">([^<]+)</.exec(body)!;
    const editions = /class="result__editions">(\d+) editions: ([^<]+)</.exec(body);
    return {
      kind: title[2] as Row['kind'],
      id: decodeURIComponent(title[3]!),
      href: unescape(title[1]!),
      title: unescape(title[4]!),
      editions: editions ? Number(editions[1]) : 1,
      formats: editions?.[2] ?? '',
      availability: [...body.matchAll(/<p class="availability availability--\w+">([^<]+)</g)].map((m) => unescape(m[1]!)),
    };
  });
}

/** "Showing 1–3 of 3 results (10 records: …)": the first, last and total results, and the records the page says they hold. */
function counted(html: string) {
  const m = /id="result-count">Showing (\d+)–(\d+) of (\d+) results?(?: <span class="result-count__records">\((?:from the best (\d+) of )?(\d+) records)?/.exec(html);
  assert.ok(m, 'the page states its count');
  return { first: Number(m[1]), last: Number(m[2]), total: Number(m[3]), grouped: m[4] ? Number(m[4]) : undefined, records: m[5] ? Number(m[5]) : undefined };
}

/** Every edition a work page lists: its record id, its format section and its availability line. */
function editions(html: string) {
  return [...html.matchAll(/<section class="work__format" id="format-([\w-]+)"[\s\S]*?<\/section>/g)].flatMap(([section, format]) =>
    [...section.matchAll(/<li class="work__edition" id="edition-([^"]+)">[\s\S]*?<a href="([^"]+)">[\s\S]*?<p class="availability availability--\w+">([^<]+)</g)]
      .map((m) => ({ id: m[1]!, format: format!, href: unescape(m[2]!), availability: unescape(m[3]!) })));
}

/** The "Next" link of a results page, if any. */
function next(html: string): string | undefined {
  const href = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
  return href && unescape(href);
}

async function demoSite(t: TestContext, extra: CatalogueRecord[] = []) {
  return build(t, { records: [...demo(), ...extra] });
}

describe('works and editions', () => {
  it('shows the seven editions of Emma as one result naming its formats, each with its availability; the films stay apart', async (t) => {
    const { request } = await demoSite(t);
    const html = (await request().get('/search?q=emma').expect(200)).text;
    const listed = rows(html);
    const emma = listed.find((r) => r.kind === 'work' && r.title === 'Emma')!;
    assert.ok(emma, 'Emma is one result');
    assert.equal(emma.editions, 7);
    assert.equal(emma.formats, 'Book, Large print, E-book, Audiobook');
    assert.deepEqual(emma.availability, [
      'On the shelf: 2 of 3 at Central Library, 1 of 1 at Northgate, 1 of 1 at Riverside',
      'On the shelf: 1 of 1 at Riverside',
      'Available online',
      'On the shelf: 1 of 1 at Riverside',
    ]);
    // The two films are works of their own (by their directors), and no edition of the novel has a line of its own.
    assert.deepEqual(listed.filter((r) => r.kind === 'record' && r.title === 'Emma').map((r) => r.id).sort(), ['SM008003', 'SM008004']);
    assert.ok(!listed.some((r) => r.kind === 'record' && /^SM00100[1-7]$/.test(r.id)));
    const count = counted(html);
    assert.equal(count.total, listed.length);
    assert.equal(count.records, listed.reduce((sum, r) => sum + r.editions, 0));
  });

  it('shows the five editions of The Hobbit as one result', async (t) => {
    const { request } = await demoSite(t);
    const listed = rows((await request().get('/search?q=the+hobbit').expect(200)).text);
    const hobbits = listed.filter((r) => r.title.startsWith('The Hobbit'));
    assert.equal(hobbits.length, 1);
    assert.equal(hobbits[0]!.kind, 'work');
    assert.equal(hobbits[0]!.editions, 5);
    assert.equal(hobbits[0]!.formats, 'Book, E-book, Audiobook');
    assert.deepEqual(hobbits[0]!.availability, [
      'On the shelf: 2 of 3 at Central Library, 1 of 1 at Eastfield, 1 of 1 at Mobile Library, 1 of 1 at Northgate',
      'Available online',
      'Available online',
    ]);
  });

  it('counts holds in a format\'s availability, on the result and on the work page', async (t) => {
    const { request, store } = await demoSite(t);
    // A member holds the one copy of the CD audiobook (SM001006); the other audiobook is online.
    const held = await store.reservations.reserve({ id: 'hold-1', memberId: 'member-1', recordId: 'SM001006', itemIds: ['3801400100601'], pickupBranch: 'Riverside', now: Date.parse('2026-11-23T10:00:00Z'), limit: 10 });
    assert.equal(held.outcome, 'reserved');
    const emma = rows((await request().get('/search?q=emma').expect(200)).text).find((r) => r.kind === 'work')!;
    assert.equal(emma.availability[3], 'All copies reserved');
    const listed = editions((await request().get(emma.href).expect(200)).text);
    assert.equal(listed.find((e) => e.id === 'SM001006')!.availability, 'All copies reserved');
    assert.equal(listed.find((e) => e.id === 'SM001007')!.availability, 'Available online');
  });

  it('opens onto a page listing every edition by format, each with its availability and a link to its record', async (t) => {
    const { request } = await demoSite(t);
    const emma = rows((await request().get('/search?q=emma').expect(200)).text).find((r) => r.kind === 'work')!;
    const page = (await request().get(emma.href).expect(200)).text;
    assert.match(page, /<h1 id="work-title">Emma<\/h1>/);
    assert.match(page, /id="work-count">7 editions: Book, Large print, E-book, Audiobook</);
    assert.match(page, /<a href="\/search\?q=emma">← Back to results<\/a>/);
    const listed = editions(page);
    assert.deepEqual(listed.map((e) => e.id).sort(), ['SM001001', 'SM001002', 'SM001003', 'SM001004', 'SM001005', 'SM001006', 'SM001007']);
    assert.deepEqual(listed.map((e) => e.format), ['book', 'book', 'book', 'large-print', 'ebook', 'audiobook', 'audiobook']);
    assert.equal(listed.find((e) => e.id === 'SM001003')!.availability, 'For use in the library');
    for (const e of listed) assert.equal(e.href, `/record/${e.id}?q=emma`);
    // Each edition can go in the basket from here.
    assert.equal([...page.matchAll(/<form method="post" action="\/basket\/add"[\s\S]*?name="id" value="(SM00100\d)"/g)].length, 7);
    // Any edition opens the same work; an unknown id is a plain 404.
    assert.deepEqual(editions((await request().get('/work/SM001006').expect(200)).text).map((e) => e.id).sort(), listed.map((e) => e.id).sort());
    await request().get('/work/NO-SUCH-RECORD').expect(404);
  });

  it('never hides a record from a field search or an exact ISBN', async (t) => {
    const records = demo();
    const { request } = await demoSite(t);
    const byTitle = rows((await request().get('/search?q=title:emma').expect(200)).text);
    assert.ok(byTitle.every((r) => r.kind === 'record'));
    assert.deepEqual(byTitle.map((r) => r.id).filter((id) => /^SM00(100[1-7]|800[34])$/.test(id)).sort(),
      ['SM001001', 'SM001002', 'SM001003', 'SM001004', 'SM001005', 'SM001006', 'SM001007', 'SM008003', 'SM008004']);
    const byAuthor = rows((await request().get('/search?q=author:tolkien').expect(200)).text);
    assert.ok(['SM001082', 'SM001083', 'SM001084', 'SM001085', 'SM001086'].every((id) => byAuthor.some((r) => r.kind === 'record' && r.id === id)));
    // An ISBN that finds one edition opens it, typed alone or as a field search; in a longer search it is listed on its own line.
    const isbn = records.find((r) => r.id === 'SM001002')!.isbns[0]!;
    for (const q of [isbn, `isbn:${isbn}`, `${isbn.slice(0, 3)}-${isbn.slice(3)}`]) {
      const res = await request().get(`/search?q=${encodeURIComponent(q)}`).expect(302);
      assert.equal(res.headers.location, `/record/SM001002?q=${encodeURIComponent(q).replace(/%20/g, '+')}`);
    }
    const withWord = rows((await request().get(`/search?q=emma+${isbn}`).expect(200)).text);
    assert.deepEqual(withWord.map((r) => [r.kind, r.id]), [['record', 'SM001002']]);
    // group=off lists every record of a plain search, and links back to grouping.
    const every = (await request().get('/search?q=emma&group=off').expect(200)).text;
    assert.ok(rows(every).every((r) => r.kind === 'record'));
    assert.equal(rows(every).length, counted(every).total);
    assert.match(every, /<a href="\/search\?q=emma" id="group-editions">/);
  });

  it('counts what it lists: works page by page, then every record past the grouped ones, one per row', async (t) => {
    const { request } = await demoSite(t);
    const all = counted((await request().get('/search?q=the&group=off').expect(200)).text).total;
    let href: string | undefined = '/search?q=the&per=50';
    let works = 0;
    let grouped = 0;
    let stated: ReturnType<typeof counted> | undefined;
    while (href && !href.includes('group=off')) {
      const html: string = (await request().get(href).expect(200)).text;
      const count = counted(html);
      const listed = rows(html);
      assert.equal(count.last - count.first + 1, listed.length, href);
      assert.equal(count.first, works + 1, href);
      stated = count;
      works += listed.length;
      grouped += listed.reduce((sum, r) => sum + r.editions, 0);
      href = next(html);
    }
    assert.ok(stated && stated.grouped === 100 && stated.records === all, 'the page says it grouped the best 100 of every record');
    assert.equal(works, stated.total);
    assert.ok(works < 100, 'some of the best 100 are editions of one work');
    assert.equal(grouped, 100);
    // The last page of works continues with record 101, one per row, to the end.
    assert.ok(href, 'the last page of works links onwards');
    assert.match(href, /group=off&page=3$/);
    let records = 0;
    while (href) {
      const html: string = (await request().get(href).expect(200)).text;
      const listed = rows(html);
      assert.ok(listed.every((r) => r.kind === 'record'));
      if (records === 0) assert.equal(counted(html).first, 101);
      records += listed.length;
      href = next(html);
    }
    assert.equal(grouped + records, all);
  });

  it('files a translation under its uniform title (240) with the other editions, and a film under its own (130)', async (t) => {
    const marc = okRecords(await readAll(readMarcxml, fixture('uniform-titles.xml')));
    const { request } = await demoSite(t, marc);
    const hobbit = rows((await request().get('/search?q=hobbit').expect(200)).text).find((r) => r.kind === 'work')!;
    assert.equal(hobbit.editions, 6);
    const listed = editions((await request().get(hobbit.href).expect(200)).text);
    assert.ok(listed.some((e) => e.id === 'UT-HOBBIT-FRE'), 'Bilbo le hobbit is an edition of The Hobbit');
    assert.equal(listed.length, 6);
    const emma = rows((await request().get('/search?q=emma').expect(200)).text);
    assert.ok(emma.some((r) => r.kind === 'record' && r.id === 'UT-EMMA-FILM'), 'the film is a work of its own');
    assert.equal(emma.find((r) => r.kind === 'work')!.editions, 7);
  });
});
