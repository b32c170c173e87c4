import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csrfOf, submit } from '../helpers/build.js';
import { consoleApp, LIBRARIAN, upload } from './helpers.js';

/** Every URL the console has, and one it has not. */
const URLS = [
  '/librarian', '/librarian/import', '/librarian/import/some-run', '/librarian/import/some-run/rejects.csv',
  '/librarian/demand', '/librarian/demand.csv', '/librarian/audit', '/librarian/audit.csv', '/librarian/members', '/librarian/members/new',
  '/librarian/members/m-1000000001', '/librarian/members/m-1000000001/pin', '/librarian/imports', '/librarian/branches', '/librarian/branches/map', '/librarian/no-such-page',
];

describe('who may use the librarian console', () => {
  it('sends a visitor who is not logged in to log in, and back', async (t) => {
    const { request } = await consoleApp(t);
    for (const url of ['/librarian', '/librarian/audit?card=1']) {
      const res = await request().get(url).expect(302);
      assert.equal(res.headers.location, `/login?return=${encodeURIComponent(url)}`);
    }
  });

  it('refuses a member every console URL, by GET and by POST, with the 403 page', async (t) => {
    const { member } = await consoleApp(t);
    for (const url of URLS) {
      const get = await member.get(url).set('Accept', 'text/html');
      assert.equal(get.status, 403, `GET ${url}`);
      assert.match(get.text, /This page is for library staff/);
      const post = await submit(member, url, { from: '2026-01-01' });
      assert.equal(post.status, 403, `POST ${url}`);
      assert.match(post.text, /This page is for library staff/);
    }
  });

  it('refuses a member an upload before anything is imported', async (t) => {
    const { member, store } = await consoleApp(t);
    const res = await upload(member, 'records.ndjson', '{"id":"x"}\n');
    assert.equal(res.status, 403);
    assert.deepEqual(await store.imports.recent(5), []);
  });

  it('opens every console page to a librarian', async (t) => {
    const { librarian } = await consoleApp(t);
    for (const url of ['/librarian', '/librarian/import', '/librarian/demand', '/librarian/audit', '/librarian/members', '/librarian/members/new', '/librarian/members/m-1000000001', '/librarian/imports', '/librarian/branches']) {
      const res = await librarian.get(url).expect(200);
      assert.match(res.text, /aria-label="Librarian console"/, url);
    }
    for (const url of ['/librarian/demand.csv', '/librarian/audit.csv']) {
      const res = await librarian.get(url).expect(200);
      assert.match(res.headers['content-type'] ?? '', /^text\/csv/, url);
      assert.match(res.headers['content-disposition'] ?? '', /^attachment; filename="/, url);
    }
    assert.equal((await librarian.get('/librarian/import/no-such-run')).status, 404);
  });

  it('shows librarians, and only them, the way into the console', async (t) => {
    const { librarian, member } = await consoleApp(t);
    assert.match((await librarian.get('/')).text, /href="\/librarian"/);
    assert.doesNotMatch((await member.get('/')).text, /href="\/librarian"/);
  });
});

describe('forged console requests', () => {
  it('refuses an upload sent from another site, even with the librarian logged in', async (t) => {
    const { librarian, store } = await consoleApp(t);
    const _csrf = await csrfOf(librarian);
    const res = await librarian.post('/librarian/import').set('Origin', 'https://evil.example').set('Accept', 'text/html')
      .field('_csrf', _csrf).attach('file', Buffer.from('{"id":"x","title":"X"}\n'), 'records.ndjson');
    assert.equal(res.status, 403);
    assert.deepEqual(await store.imports.recent(5), []);
  });

  it('refuses an upload without the form token, or with another visit’s token', async (t) => {
    const { librarian, member, store } = await consoleApp(t);
    const missing = await librarian.post('/librarian/import').set('Accept', 'text/html').attach('file', Buffer.from('{"id":"x"}\n'), 'a.ndjson');
    assert.equal(missing.status, 403);
    const stolen = await librarian.post('/librarian/import').set('Accept', 'text/html')
      .field('_csrf', await csrfOf(member)).attach('file', Buffer.from('{"id":"x"}\n'), 'a.ndjson');
    assert.equal(stolen.status, 403);
    assert.match(stolen.text, /did not come from this catalogue/);
    assert.deepEqual(await store.imports.recent(5), []);
  });
});

describe('multipart forms elsewhere', () => {
  it('refuses a forged multipart POST to a form that reads no fields, such as log out', async (t) => {
    const { member } = await consoleApp(t);
    // Multipart is refused (415) everywhere but the upload route, before any handler runs.
    const res = await member.post('/logout').set('Origin', 'https://evil.example').set('Accept', 'text/html').field('x', '1');
    assert.equal(res.status, 415);
    const tokenless = await member.post('/logout').set('Accept', 'text/html').field('x', '1');
    assert.equal(tokenless.status, 415);
    assert.equal((await member.get('/account')).status, 200);
  });
});

describe('the console in the audit log', () => {
  it('records the librarian’s exports, and none of their page views', async (t) => {
    const { librarian, store } = await consoleApp(t);
    for (const page of ['/librarian', '/librarian/import', '/librarian/demand?from=2026-11-01&to=2026-11-23', '/librarian/audit', '/librarian/members', '/librarian/members/m-1000000001']) {
      await librarian.get(page).expect(200);
    }
    await librarian.get('/librarian/audit.csv?action=login').expect(200);
    await librarian.get('/librarian/demand.csv').expect(200);
    const { entries } = await store.audit.list({ card: LIBRARIAN.card }, 0, 20);
    assert.deepEqual(entries.filter((e) => e.action !== 'login').map((e) => [e.action, e.target]).reverse(), [
      ['librarian-download', '/librarian/audit.csv?action=login'],
      ['librarian-download', '/librarian/demand.csv'],
    ]);
    assert.ok(entries.every((e) => e.memberId === `m-${LIBRARIAN.card}`));
  });
});
