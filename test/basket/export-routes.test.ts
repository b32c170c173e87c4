import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { build, submit, type Built } from '../helpers/build.js';

/** A browser with items in its basket, in this order. */
async function memberWith(built: Built, ids: string[]) {
  const visitor = built.browser();
  await visitor.get('/').expect(200);
  await submit(visitor, '/basket/add', { id: ids }, { status: 302 });
  return visitor;
}

/** supertest buffers unknown types; this reads any download as text. */
const asText = (res: NodeJS.ReadableStream & { setEncoding(e: string): void; on(e: string, f: (c?: string) => void): void }, done: (err: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => (body += chunk ?? ''));
  res.on('end', () => done(null, body));
};

describe('basket downloads and print view', () => {
  it('downloads each format as an attachment with a dated filename and its content type', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma', 'rec-jane-eyre']);
    const expected = {
      ris: ['application/x-research-info-systems', 'ris', /^TY {2}- BOOK\r\n/],
      bibtex: ['application/x-bibtex', 'bib', /^@book\{Austen1815Emma,/],
      csv: ['text/csv; charset=utf-8', 'csv', /^\uFEFF"Title","Author"/],
      marcxml: ['application/marcxml+xml', 'xml', /^<\?xml version="1.0" encoding="UTF-8"\?>\r\n<collection xmlns="http:\/\/www.loc.gov\/MARC21\/slim">/],
    } as const;
    for (const [format, [type, extension, start]] of Object.entries(expected)) {
      const res = await visitor.get(`/basket/export?format=${format}`).buffer(true).parse(asText as never).expect(200);
      assert.ok(String(res.headers['content-type']).startsWith(type), `${format}: ${res.headers['content-type']}`);
      assert.equal(res.headers['content-disposition'], `attachment; filename="shelfmark-basket-2026-11-23.${extension}"`);
      assert.match(res.body as string, start, format);
    }
  });

  it('links each RIS and BibTeX entry back to its record page on this site', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma', 'rec-jane-eyre']);
    const ris = await visitor.get('/basket/export?format=ris').set('Host', 'catalogue.example.org').buffer(true).parse(asText as never).expect(200);
    assert.deepEqual((ris.body as string).match(/^UR {2}- .*$/gm), [
      'UR  - http://catalogue.example.org/record/rec-emma',
      'UR  - http://catalogue.example.org/record/rec-jane-eyre',
    ]);
    const bib = await visitor.get('/basket/export?format=bibtex').set('Host', 'catalogue.example.org').buffer(true).parse(asText as never).expect(200);
    assert.deepEqual((bib.body as string).match(/^\s*url = .*$/gm)?.map((l) => l.trim()), [
      'url = {http://catalogue.example.org/record/rec-emma},',
      'url = {http://catalogue.example.org/record/rec-jane-eyre},',
    ]);
  });

  it('builds the permalinks from PUBLIC_URL when it is set, whatever Host the request named', async (t) => {
    const visitor = await memberWith(await build(t, { env: { PUBLIC_URL: 'https://catalogue.example.org' } }), ['rec-emma']);
    const ris = await visitor.get('/basket/export?format=ris').set('Host', 'evil.example').buffer(true).parse(asText as never).expect(200);
    assert.deepEqual((ris.body as string).match(/^UR {2}- .*$/gm), ['UR  - https://catalogue.example.org/record/rec-emma']);
  });

  it('exports only the ticked items when some are ticked, in basket order', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma', 'rec-jane-eyre', 'rec-miserables']);
    const res = await visitor.get('/basket/export?format=csv&id=rec-miserables&id=rec-emma').buffer(true).parse(asText as never).expect(200);
    const rows = parse<Record<string, string>>(res.body as string, { bom: true, columns: true });
    assert.deepEqual([...new Set(rows.map((r) => r.Title))], ['Emma', 'Les Misérables']);
  });

  it('ignores ticked ids that are not in the basket', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma']);
    const res = await visitor.get('/basket/export?format=csv&id=rec-emma&id=rec-jane-eyre').buffer(true).parse(asText as never).expect(200);
    assert.deepEqual(parse<Record<string, string>>(res.body as string, { bom: true, columns: true }).map((r) => r.Title), ['Emma', 'Emma']);
  });

  it('sends a visitor with an empty basket back to the basket page', async (t) => {
    const built = await build(t);
    const res = await built.request().get('/basket/export?format=ris').expect(302);
    assert.equal(res.headers.location, '/basket');
    assert.equal(res.headers['set-cookie']?.toString().includes('JSESSIONID'), false, 'no session is started for it');
  });

  it('refuses a format it does not offer', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma']);
    await visitor.get('/basket/export?format=docx').expect(400);
  });

  it('offers the formats, a print view and tick boxes on the basket page', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma']);
    const page = await visitor.get('/basket').expect(200);
    for (const format of ['ris', 'bibtex', 'csv', 'marcxml']) assert.match(page.text, new RegExp(`<option value="${format}">`));
    assert.match(page.text, /formaction="\/basket\/print"/);
    assert.match(page.text, /<input type="checkbox" name="id" value="rec-emma" id="pick-1" form="basket-actions"/);
  });

  it('prints a list with each copy’s branch, shelfmark and status', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma', 'rec-pride-dvd']);
    const page = await visitor.get('/basket/print').expect(200);
    assert.match(page.text, /<h2 class="shelf-list__title">Emma<\/h2>/);
    const rows = [...page.text.matchAll(/<tr><td>([^<]*)<\/td><td class="shelfmark">([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1));
    assert.deepEqual(rows, [['Central', 'F', 'Available'], ['Northside', 'F', 'On loan'], ['Central', 'F', 'Available'], ['Eastgate', 'F', 'Available']]);
    assert.match(page.text, /<link rel="stylesheet" href="\/css\/print.css" media="print">/);
  });

  it('prints only the ticked items when some are ticked', async (t) => {
    const visitor = await memberWith(await build(t), ['rec-emma', 'rec-pride-dvd']);
    const page = await visitor.get('/basket/print?id=rec-pride-dvd').expect(200);
    assert.deepEqual([...page.text.matchAll(/class="shelf-list__title">([^<]*)</g)].map((m) => m[1]), ['Pride &amp; Prejudice']);
    assert.match(page.text, /1 item selected from your basket/);
  });
});
