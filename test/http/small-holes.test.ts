import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, csrfOf } from '../helpers/build.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { safeReturnPath } from '../../src/http/return-path.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { makeRecord } from '../storage/fixtures.js';
import { query } from '../storage/contract/helpers.js';

describe('the return path after a form', () => {
  for (const hostile of ['/.//evil.example', '/x/..//evil.example', '/%2e//evil.example', '/%2E%2E//evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/']) {
    it(`never sends a member off the site for ${hostile}`, () => {
      const resolved = safeReturnPath(hostile, '/fallback');
      assert.ok(resolved.startsWith('/') && !resolved.startsWith('//'), `${hostile} became ${resolved}`);
      assert.equal(new URL(resolved, 'https://library.example').host, 'library.example');
    });
  }

  it('keeps an ordinary path with its query', () => {
    assert.equal(safeReturnPath('/search?q=emma&page=2', '/'), '/search?q=emma&page=2');
  });

  it('answers a login with a hostile return path with a Location on this site', async (t) => {
    const built = await build(t);
    const res = await built.browser().post('/basket/add').set('Cookie', 'COOKIE_SUPPORT=true').type('form').send({ id: 'rec-emma', return: '/.//evil.example' });
    assert.equal(res.status, 302);
    assert.ok(!res.headers.location!.startsWith('//'), res.headers.location);
  });
});

describe('bodies the server cannot read', () => {
  const cases: Array<[string, (r: import('supertest').Test) => import('supertest').Test, number]> = [
    ['malformed JSON', (r) => r.set('Content-Type', 'application/json').send('{"id": '), 400],
    ['a null JSON body', (r) => r.set('Content-Type', 'application/json').send('null'), 400],
    ['a __proto__ key', (r) => r.set('Content-Type', 'application/json').send('{"__proto__": {"x": 1}, "id": "rec-emma"}'), 400],
    ['an unknown Content-Encoding', (r) => r.set('Content-Type', 'application/json').set('Content-Encoding', 'x-unknown').send('{"id":"rec-emma"}'), 415],
  ];
  for (const [name, send, status] of cases) {
    it(`answers ${name} with ${status} and a warning, not a 500 with a stack trace`, async (t) => {
      const log = memoryLogger();
      const built = await build(t, { logger: log.logger });
      const res = await send(built.request().post('/basket/add').set('Cookie', 'COOKIE_SUPPORT=true').set('Accept', 'application/json'));
      assert.equal(res.status, status);
      const levels = log.lines().filter((l) => l.msg !== 'request').map((l) => l.level);
      assert.ok(!levels.some((l) => Number(l) >= 50), `logged at error level: ${log.text().slice(0, 300)}`);
      assert.ok(levels.includes(40), 'logged a warning');
    });
  }
});

describe('multipart POSTs', () => {
  it('refuses an anonymous multipart POST to /basket/add', async (t) => {
    const built = await build(t);
    const v = built.browser();
    await v.get('/');
    const res = await v.post('/basket/add').field('id', 'rec-emma');
    assert.equal(res.status, 415);
    assert.equal((await csrfOf(v)), '', 'no visit was started');
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent when served over HTTPS (behind a trusted proxy) and not over plain HTTP', async (t) => {
    const built = await build(t, { env: { TRUST_PROXY: '1' } });
    const https = await built.request().get('/').set('X-Forwarded-Proto', 'https');
    assert.match(https.headers['strict-transport-security'] ?? '', /^max-age=\d{7,}/);
    const http = await built.request().get('/');
    assert.equal(http.headers['strict-transport-security'], undefined);
  });
});

describe('facet counts of a record with very many values', () => {
  it('counts a record with 70,000 subjects once for each, without a 16-bit count wrapping', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-wide-'));
    const store = await openEmbeddedStore({ dataDir });
    t.after(async () => { await store.close(); fs.rmSync(dataDir, { recursive: true, force: true }); });
    const subjects = Array.from({ length: 70_000 }, (_, i) => `Subject ${i}`);
    await store.records.upsertMany([makeRecord({ id: 'wide', subjects }), makeRecord({ id: 'plain', subjects: ['Subject 69999'] })]);
    const result = await store.records.search(query({ filters: [{ field: 'subject', value: 'Subject 69999' }] }));
    assert.deepEqual(result.records.map((r) => r.id).sort(), ['plain', 'wide']);
    assert.deepEqual(result.facets.mediaType, [{ value: 'book', count: 2 }]);
    assert.deepEqual(result.facets.subject?.[0], { value: 'Subject 69999', count: 2 });
  });
});
