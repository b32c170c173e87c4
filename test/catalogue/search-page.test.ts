import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';

const NO_RESULTS = 'There are no results that match your search criteria';

/** Result titles on a results page, in order. */
function titles(html: string): string[] {
  return [...html.matchAll(/class="result__title"><a href="[^"]+">([^<]+)</g)].map((m) => m[1]!.replace(/&amp;/g, '&').split(': ')[0]!);
}

function facetLinks(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+?) <span class="count">/g)].map((m) => [m[2]!, m[1]!.replace(/&amp;/g, '&')]));
}

describe('searching the catalogue', () => {
  it('finds records by title, author, subject, series and notes', async (t) => {
    const { request } = await build(t);
    assert.deepEqual(titles((await request().get('/search?q=eyre')).text), ['Jane Eyre']);
    assert.ok(titles((await request().get('/search?q=austen')).text).includes('Emma'));
    assert.deepEqual(titles((await request().get('/search?q=governesses')).text), ['Jane Eyre']);
    assert.ok(titles((await request().get('/search?q=russian+library')).text).includes('The War and Peace Reader'));
    assert.deepEqual(titles((await request().get('/search?q=int%C3%A9gral')).text), ['Les Misérables']);
  });

  it('ignores accents and case: "bronte" finds "Brontë", "MISERABLES" finds "Misérables"', async (t) => {
    const { request } = await build(t);
    assert.deepEqual(titles((await request().get('/search?q=bronte')).text), ['Jane Eyre']);
    assert.deepEqual(titles((await request().get('/search?q=MISERABLES')).text), ['Les Misérables']);
  });

  it('finds letters that have no separate accent by their plain spelling: Lodz, Orsted, Duro, Strasse', async (t) => {
    const record = (id: string, title: string) => ({ id, title, authors: [], mediaType: 'book' as const, languages: ['pol'], isbns: [], series: [], subjects: [], genres: [], notes: [], holdings: [] });
    const { request } = await build(t, { records: [record('l1', 'Ziemia obiecana: Łódź'), record('o1', 'Ørsted og elektromagnetismen'), record('d1', 'Đuro Daničić'), record('s1', 'Die Straße')] });
    for (const [q, title] of [['lodz', 'Ziemia obiecana'], ['ŁÓDŹ', 'Ziemia obiecana'], ['orsted', 'Ørsted og elektromagnetismen'], ['duro', 'Đuro Daničić'], ['strasse', 'Die Straße']] as const) {
      assert.deepEqual(titles((await request().get(`/search?q=${encodeURIComponent(q)}`)).text), [title], q);
    }
  });

  it('opens the record for an ISBN typed with hyphens, spaces or neither, as ISBN-13 or ISBN-10', async (t) => {
    const { request } = await build(t);
    for (const q of ['9780141439587', '978-0-14-143958-7', 'isbn:978-0141439587', '0141439580', '0-14-143958-0', '978 0 14 143958 7', '0 14 143958 0', 'isbn:978 0141 439587']) {
      const res = await request().get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 302, q);
      assert.match(res.headers.location ?? '', /^\/record\/rec-emma(\?|$)/, q);
    }
  });

  it('lists the records an ISBN finds when it is part of a longer search, or narrowed by a filter', async (t) => {
    const { request } = await build(t);
    assert.deepEqual(titles((await request().get('/search?q=emma+9780141439587')).text), ['Emma']);
    assert.deepEqual(titles((await request().get('/search?q=978+0+14+143958+7&f=language:eng')).text), ['Emma']);
  });

  it('searches one field with title:, author:, subject: and isbn:', async (t) => {
    const { request } = await build(t);
    // "Emma" is in Emma's title; "Austen" is only an author of Emma, but named in the DVD's notes.
    assert.deepEqual(titles((await request().get('/search?q=author:austen&sort=title')).text), ['Emma', 'Emma']);
    assert.deepEqual(titles((await request().get('/search?q=title:eyre')).text), ['Jane Eyre']);
    assert.deepEqual(titles((await request().get('/search?q=subject:governesses')).text), ['Jane Eyre']);
    assert.deepEqual(titles((await request().get('/search?q=title:austen')).text), []);
  });

  it('matches "quoted phrases" only with the words together and in order', async (t) => {
    const { request } = await build(t);
    assert.deepEqual(titles((await request().get('/search?q=%22war+and+peace%22')).text), ['The War and Peace Reader']);
    assert.deepEqual(titles((await request().get('/search?q=%22peace+and+war%22')).text), []);
  });

  it('ranks a title match above a mention in the notes', async (t) => {
    const { request } = await build(t);
    const found = titles((await request().get('/search?q=pride')).text);
    assert.equal(found[0], 'Pride & Prejudice');
  });

  it('keeps the query in the search box', async (t) => {
    const { request } = await build(t);
    const page = await request().get('/search?q=%22jane+eyre%22+%3Cb%3E');
    assert.match(page.text, /<input id="q" name="q" type="search" value="&quot;jane eyre&quot; &lt;b&gt;"/);
  });

  it(`says exactly "${NO_RESULTS}" and offers a way out`, async (t) => {
    const { request } = await build(t);
    const page = await request().get('/search?q=zzyzx&f=mediaType:dvd').expect(200);
    assert.ok(page.text.includes(NO_RESULTS));
    assert.match(page.text, /Remove all filters/);
    assert.match(page.text, /Check the spelling/);
  });

  it('shows title, author, year, media type, availability and an add-to-basket control for each result', async (t) => {
    const { request } = await build(t);
    const page = (await request().get('/search?q=eyre')).text;
    assert.match(page, /class="result__author">Brontë, Charlotte</);
    assert.match(page, /class="result__year">1847</);
    assert.match(page, /class="result__type">Book</);
    assert.match(page, /Not available now \(1 copy\)/);
    assert.match(page, /<form method="post" action="\/basket\/add"/);
  });
});

describe('facets', () => {
  it('counts media type, language, decade, author, subject, branch and availability', async (t) => {
    const { request } = await build(t);
    const page = (await request().get('/search')).text;
    for (const label of ['Media type', 'Language', 'Decade', 'Author', 'Subject', 'Branch', 'Availability']) {
      assert.match(page, new RegExp(`<h3[^>]*>${label}</h3>`), label);
    }
    assert.match(page, /DVD <span class="count">\(1\)<\/span>/);
    assert.match(page, /French <span class="count">\(2\)<\/span>/);
    assert.match(page, /1810s <span class="count">\(1\)<\/span>/);
    assert.match(page, /Available now <span class="count">\(4\)<\/span>/);
  });

  it('combine, and each can be removed on its own', async (t) => {
    const { request } = await build(t);
    // Every record on its own row (the two Emmas would otherwise be one work), kept by every facet link.
    const all = await request().get('/search?q=courtship&group=off');
    assert.deepEqual(titles(all.text).sort(), ['Emma', 'Emma', 'Pride & Prejudice']);
    const byType = facetLinks(all.text).get('Audiobook')!;
    // A ticked value is logged once, then shown at its plain address.
    const audio = await request().get(byType).redirects(1);
    assert.deepEqual(titles(audio.text), ['Emma']);
    const byBranch = facetLinks(audio.text).get('Northside')!;
    const both = await request().get(byBranch).redirects(1);
    assert.deepEqual(titles(both.text), ['Emma']);
    assert.match(both.text, /Media type: Audiobook/);
    assert.match(both.text, /Branch: Northside/);
    const removeType = /<a class="chip" href="([^"]+)">Media type: Audiobook/.exec(both.text)![1]!.replace(/&amp;/g, '&');
    assert.doesNotMatch(removeType, /mediaType/);
    assert.match(removeType, /branch%3ANorthside/);
    // Both Emmas have a copy at Northside: the book and the audiobook.
    const branchOnly = await request().get(removeType);
    assert.deepEqual([...branchOnly.text.matchAll(/result__title"><a href="([^"?]+)[?"]/g)].map((m) => m[1]).sort(), ['/record/rec-emma', '/record/rec-emma-audio']);
  });

  it('the same facet twice means either value', async (t) => {
    const { request } = await build(t);
    const page = await request().get('/search?f=language:fre&f=language:ger&sort=title');
    assert.deepEqual(titles(page.text), ['Die Verwandlung', 'Les Misérables', 'Pride & Prejudice']);
  });
});

describe('sorting and paging', () => {
  it('sorts by newest, oldest, title and author', async (t) => {
    const { request } = await build(t);
    assert.deepEqual(titles((await request().get('/search?q=courtship&sort=oldest')).text), ['Emma', 'Pride & Prejudice', 'Emma']);
    assert.deepEqual(titles((await request().get('/search?q=courtship&sort=newest')).text), ['Emma', 'Pride & Prejudice', 'Emma']);
    const byTitle = titles((await request().get('/search?sort=title')).text);
    assert.deepEqual(byTitle.slice(0, 3), ['Die Verwandlung', 'Emma', 'Emma']);
    const byAuthor = (await request().get('/search?sort=author')).text;
    assert.ok(byAuthor.indexOf('Austen, Jane') < byAuthor.indexOf('Brontë, Charlotte'));
  });

  it('pages with a choice of page size, keeping the search', async (t) => {
    const { request } = await build(t);
    const first = await request().get('/search?sort=title&per=10');
    assert.equal(titles(first.text).length, 8);
    const small = await request().get('/search?sort=title&per=10&page=1');
    assert.match(small.text, /Showing 1–8 of 8 results/);
    const odd = await request().get('/search?sort=title&per=7');
    assert.match(odd.text, /Showing 1–8 of 8 results/, 'an unknown page size falls back to the default');
  });

  it('links to the next page with query, filters and sort kept', async (t) => {
    const records = Array.from({ length: 25 }, (_, i) => ({
      id: `p-${String(i).padStart(2, '0')}`, title: `Garden diary ${i}`, authors: ['Don, Monty'], mediaType: 'book' as const,
      languages: ['eng'], year: 2000 + i, isbns: [], series: [], subjects: ['Gardening'], genres: [], notes: [], holdings: [],
    }));
    const { request } = await build(t, { records });
    const page1 = await request().get('/search?q=garden&f=subject:Gardening&sort=oldest&per=10');
    const next = /<a href="([^"]+)" rel="next">/.exec(page1.text)![1]!.replace(/&amp;/g, '&');
    assert.equal(next, '/search?q=garden&f=subject%3AGardening&sort=oldest&per=10&page=2');
    const page3 = await request().get('/search?q=garden&f=subject:Gardening&sort=oldest&per=10&page=3');
    assert.deepEqual(titles(page3.text), ['Garden diary 20', 'Garden diary 21', 'Garden diary 22', 'Garden diary 23', 'Garden diary 24']);
  });

  it('says a page past the end is past the end, and links to the last page with the search kept', async (t) => {
    const records = Array.from({ length: 25 }, (_, i) => ({
      id: `p-${String(i).padStart(2, '0')}`, title: `Garden diary ${i}`, authors: ['Don, Monty'], mediaType: 'book' as const,
      languages: ['eng'], year: 2000 + i, isbns: [], series: [], subjects: ['Gardening'], genres: [], notes: [], holdings: [],
    }));
    const { request } = await build(t, { records });
    const res = await request().get('/search?q=garden&sort=oldest&per=10&page=50').expect(200);
    assert.match(res.text, /There is no page 50: the 25 results fit on 3 pages\./);
    assert.doesNotMatch(res.text, /Showing/);
    const last = /<a href="([^"]+)" id="last-page">/.exec(res.text)![1]!.replace(/&amp;/g, '&');
    assert.equal(last, '/search?q=garden&sort=oldest&per=10&page=3');
    assert.match((await request().get(last)).text, /Showing 21–25 of 25 results/);
  });
});

describe('odd and hostile queries never break the page', () => {
  const hostile = [
    '', ' ', '"', '""', '*', '**', 'title:', 'author:""', 'isbn:', ':', 'a:b:c', '(', ')', 'NEAR(emma jane)', 'emma OR', 'AND',
    "'; DROP TABLE records; --", '" OR 1=1 --', '{"$where": "sleep(1000)"}', '$where', 'emma*', '^emma', 'title:"unclosed',
    '\u0000', '%', '\\', '🙂', 'x'.repeat(5000), 'a '.repeat(400), 'title:emma author:austen subject:x isbn:1 series:y',
  ];
  for (const q of hostile) {
    it(`answers ${JSON.stringify(q.length > 40 ? `${q.slice(0, 40)}…` : q)} with a page, not a 500`, async (t) => {
      const { request } = await build(t);
      const res = await request().get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
    });
  }

  it('caps an overlong query', async (t) => {
    const { request } = await build(t);
    const res = await request().get(`/search?q=${'emma '.repeat(200)}`);
    const value = /<input id="q" name="q" type="search" value="([^"]*)"/.exec(res.text)![1]!;
    assert.ok(value.length <= 300);
  });

  it('ignores unknown facets, sorts and pages rather than failing', async (t) => {
    const { request } = await build(t);
    for (const qs of ['f=nope:x', 'f=mediaType', 'f=:x', 'sort=drop', 'page=-1', 'page=abc', 'per=100000', 'f[]=x', 'q[]=a&q[]=b']) {
      assert.equal((await request().get(`/search?${qs}`)).status, 200, qs);
    }
  });
});
