import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../helpers/build.js';
import { DECLARED_COOKIES, describeLifetime } from '../../src/cookies/cookie-registry.js';

/** The text of every cell of every table row on a page, tags stripped. */
function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()),
  );
}

describe('the cookies page', () => {
  it('lists every cookie in the registry, with the four promised columns', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/cookies').expect(200);
    const rows = tableRows(res.text);
    const headers = rows.filter((r) => r[0] === 'Cookie name');
    assert.equal(headers.length, 2, 'one table for essential cookies, one for analytics');
    for (const h of headers) assert.deepEqual(h, ['Cookie name', 'Purpose', 'Expiry', 'Personal data collected']);
    const body = rows.filter((r) => r[0] !== 'Cookie name').map((r) => [r[0], r[2]]);
    assert.deepEqual(body, DECLARED_COOKIES.map((c) => [c.name, describeLifetime(c.lifetime)]));
  });

  it('says in plain words how long each cookie lasts', () => {
    assert.equal(describeLifetime('session'), 'When you close your browser');
    assert.equal(describeLifetime(365 * 86_400), '1 year');
    assert.equal(describeLifetime(30 * 86_400), '30 days');
  });

  it('explains how to refuse cookies and what stops working without them', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/cookies').expect(200);
    assert.match(res.text, /How to delete or refuse cookies/);
    assert.match(res.text, /What stops working without cookies/);
    assert.match(res.text, /keep a media basket/);
  });

  it('links to cookie settings from the footer of every page', async (t) => {
    const { request } = await build(t);
    for (const path of ['/', '/cookies', '/privacy', '/basket']) {
      const res = await request().get(path).expect(200);
      assert.match(res.text, /<footer[\s\S]*href="\/cookies\/settings"[\s\S]*<\/footer>/, path);
    }
  });

  it('publishes a privacy notice naming what is logged and that nothing goes to third parties', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/privacy').expect(200);
    assert.match(res.text, /anonymous log of searches/);
    assert.match(res.text, /audit log/);
    assert.match(res.text, /90 days/);
    assert.match(res.text, /nothing about your visit is sent to anyone else/);
  });
});
