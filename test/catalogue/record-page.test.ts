import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';
import { makeRecord } from '../storage/fixtures.js';

describe('the record page', () => {
  it('shows full detail, holdings per branch with availability, and a permalink', async (t) => {
    const { request } = await build(t);
    const page = (await request().get('/record/rec-emma').set('Host', 'catalogue.example').expect(200)).text;
    assert.match(page, /<h1 id="record-title">Emma<\/h1>/);
    assert.match(page, /by Jane Austen/);
    assert.match(page, /978-0141439587/);
    assert.match(page, /Penguin Classics/);
    assert.match(page, /Emma Woodhouse, handsome, clever and rich/);
    assert.match(page, /Central<br><span class="hint">1 of 1 on the shelf/);
    assert.match(page, /Northside<br><span class="hint">0 of 1 on the shelf/);
    assert.match(page, /value="http:\/\/catalogue\.example\/record\/rec-emma"/);
    assert.match(page, /<form method="post" action="\/basket\/add"/);
  });

  it('dates a copy on loan as a member reads it, and marks it overdue once the day has passed', async (t) => {
    const onLoan = makeRecord({ id: 'rec-loaned', title: 'Middlemarch', holdings: [{ itemId: 'M1', branch: 'Central', shelfmark: 'F ELI', status: 'on-loan', dueDate: '2026-11-26' }] });
    const { request, clock } = await build(t, { records: [onLoan] });
    assert.match((await request().get('/record/rec-loaned')).text, /<td>On loan \(due Thursday 26 November\)<\/td>/);
    clock.advanceMinutes(8 * 24 * 60);
    assert.match((await request().get('/record/rec-loaned')).text, /<td>On loan \(due Thursday 26 November, <strong class="overdue">overdue<\/strong>\)<\/td>/);
  });

  it('keeps both scripts of a record with alternate-script fields', async (t) => {
    const { request } = await build(t);
    const page = (await request().get('/record/rec-war-peace')).text;
    assert.match(page, /Война и мир/);
  });

  it('offers a way back to the results the member came from', async (t) => {
    const { request } = await build(t);
    const page = await request().get('/record/rec-emma').set('Host', 'catalogue.example')
      .set('Referer', 'http://catalogue.example/search?q=emma&page=2');
    assert.match(page.text, /<a href="\/search\?q=emma&amp;page=2">← Back to results<\/a>/);
    const elsewhere = await request().get('/record/rec-emma').set('Host', 'catalogue.example')
      .set('Referer', 'http://evil.example/search?q=emma');
    assert.doesNotMatch(elsewhere.text, /Back to results/);
  });

  it('gives a proper 404 page for an unknown record', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/record/no-such-id').expect(404);
    assert.match(res.headers['content-type']!, /text\/html/);
    assert.match(res.text, /We could not find that record/);
    assert.match(res.text, /<input id="q" name="q"/, 'with the search box to carry on');
  });

  it('gives a 404 page for an unknown address', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/no/such/page').expect(404);
    assert.match(res.text, /Page not found/);
  });

  it('finds records with odd characters in their ids', async (t) => {
    const { request } = await build(t, { records: [{ id: 'OCoLC/123 45', title: 'Odd id', authors: [], mediaType: 'book', languages: ['eng'], isbns: [], series: [], subjects: [], genres: [], notes: [], holdings: [] }] });
    const results = await request().get('/search?q=odd');
    const href = /result__title"><a href="([^"]+)"/.exec(results.text)![1]!.replace(/&amp;/g, '&');
    assert.equal(href, '/record/OCoLC%2F123%2045?q=odd');
    assert.match((await request().get(href).expect(200)).text, /Odd id/);
  });
});
