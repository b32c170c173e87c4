import { dailyVisitKeys } from '../../src/catalogue/visit-key.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build, submit } from '../helpers/build.js';
import { addMember, loginAs, sessionIdFrom } from '../helpers/members.js';
import { normaliseQuery } from '../../src/text/fold.js';

const DAY = 24 * 60 * 60_000;

describe('the anonymous search log', () => {
  it('records each typed search with its folded query, filters, result count and kind, then shows it at its plain address', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    const typed = await visitor.get('/search?q=%20%20Bront%C3%AB%20%20%20EYRE%20&via=box').expect(303);
    assert.equal(typed.headers.location, `/search?${new URLSearchParams({ q: 'Brontë   EYRE' }).toString()}`);
    await visitor.get('/search?q=austen&f=mediaType%3Abook&f=language%3Aeng&page=1&via=facet').expect(303);
    await visitor.get('/search?q=zzzzqx&via=box').expect(303);
    const entries = await built.store.searchLog.list(built.clock.now - DAY, built.clock.now + DAY);
    const minute = Math.floor(built.clock.now / 60_000) * 60_000;
    assert.deepEqual(
      entries.map(({ query, filters, results, page, kind, at }) => ({ query, filters, results, page, kind, at })).sort((a, b) => a.query.localeCompare(b.query)),
      [
        { query: 'austen', filters: ['language:eng', 'mediaType:book'], results: 1, page: 1, kind: 'facet', at: minute },
        { query: 'bronte eyre', filters: [], results: 1, page: 1, kind: 'typed', at: minute },
        { query: 'zzzzqx', filters: [], results: 0, page: 1, kind: 'typed', at: minute },
      ],
    );
  });

  it('logs nothing for a sort, a page turn, an untick, "select all", a reload or the return after a basket add', async (t) => {
    const built = await build(t);
    const visitor = built.browser();
    const first = await visitor.get('/search?q=austen&via=box').expect(303);
    const results = await visitor.get(first.headers.location!).expect(200);
    const html = results.text.replace(/&amp;/g, '&');
    // The page's own links: a facet value ticks with via=facet; sorting, paging and the basket's return carry no via.
    const tick = /<a href="([^"]+)" class="facet__value">Audiobook/.exec(html)![1]!;
    assert.match(tick, /via=facet/);
    const ret = /name="return" value="([^"]+)"/.exec(html)![1]!;
    assert.doesNotMatch(ret, /via=/);
    const ticked = await visitor.get(tick).expect(303);
    const tickedPage = (await visitor.get(ticked.headers.location!).expect(200)).text.replace(/&amp;/g, '&');
    const untick = /<a href="([^"]+)" class="facet__value facet__selected"/.exec(tickedPage)![1]!;
    assert.doesNotMatch(untick, /via=/);
    await visitor.get(untick).expect(200);
    await visitor.get('/search?q=austen&sort=title').expect(200);
    await visitor.get('/search?q=austen&per=10&page=2').expect(200);
    await visitor.get('/search?q=austen&select=all').expect(200);
    await visitor.get(first.headers.location!).expect(200);
    const added = await submit(visitor, '/basket/add', { id: 'rec-emma', return: ret }, { status: 302 });
    await visitor.get(added.headers.location!).expect(200);
    const entries = await built.store.searchLog.list(built.clock.now - DAY, built.clock.now + DAY);
    assert.deepEqual(entries.map((e) => [e.kind, e.query, e.filters.join(' ')]).sort(), [['facet', 'austen', 'mediaType:audiobook'], ['typed', 'austen', '']]);
  });

  it('folds case, accents and spacing so that counts group what members meant', () => {
    assert.equal(normaliseQuery('  Les   MISÉRABLES\t'), 'les miserables');
    assert.equal(normaliseQuery('Brontë'), normaliseQuery('bronte'));
    assert.equal(normaliseQuery('title:Émile'), 'title:emile');
    assert.equal(normaliseQuery('Łódź  Straße'), normaliseQuery('lodz strasse'));
  });

  it('rounds the time down to the minute', async (t) => {
    const built = await build(t);
    built.clock.now = Date.parse('2026-11-23T10:41:59.999Z');
    await built.browser().get('/search?q=emma&via=box').expect(303);
    const [entry] = await built.store.searchLog.list(0, built.clock.now + DAY);
    assert.equal(entry?.at, Date.parse('2026-11-23T10:41:00Z'));
  });

  it('holds nothing that could tie an entry to a session, member, address or browser', async (t) => {
    const built = await build(t);
    const memberId = await addMember(built.store, '1000000001', '1234');
    const visitor = built.browser();
    const sessionId = sessionIdFrom(await loginAs(visitor, '1000000001', '1234'))!;
    const agent = 'Mozilla/5.0 (ShelfmarkTest; fingerprint-4711)';
    built.clock.now += 17_345; // an exact time of the visit, which must not reach the log
    await visitor.get('/search?q=emma&via=box').set('User-Agent', agent).set('X-Forwarded-For', '203.0.113.9').expect(303);
    await visitor.get('/search?q=austen&f=mediaType%3Advd&via=facet').set('User-Agent', agent).expect(303);

    const entries = await built.store.searchLog.list(0, built.clock.now + DAY);
    assert.equal(entries.length, 2);
    for (const entry of entries) assert.deepEqual(Object.keys(entry).sort(), ['at', 'filters', 'kind', 'page', 'query', 'results']);

    // Read the table itself, every column of every row, not just what the store hands back.
    const db = new Database(path.join(built.dataDir, 'shelfmark.db'), { readonly: true });
    t.after(() => db.close());
    const columns = (db.prepare('PRAGMA table_info(search_log)').all() as Array<{ name: string }>).map((c) => c.name).sort();
    // `visit` is a day-salted HMAC of the address whose salt is never stored (visit-key.ts); checked below not to hold the address.
    assert.deepEqual(columns, ['at', 'filters', 'id', 'kind', 'page', 'query', 'results', 'visit']);
    const rows = db.prepare('SELECT * FROM search_log').all() as Array<Record<string, unknown>>;
    const raw = JSON.stringify(rows.map((r) => ({ ...r, id: undefined })));
    for (const secret of [sessionId, memberId, '1000000001', 'Ada', agent, 'fingerprint', '203.0.113.9', '127.0.0.1', String(built.clock.now)]) {
      assert.ok(!raw.includes(secret), `the search log holds ${secret}`);
    }
    for (const row of rows) {
      assert.equal((row.id as Buffer).length, 16, 'the key is 16 random bytes, not a sequence or a time');
      assert.equal(Number(row.at) % 60_000, 0);
    }
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'search_log' AND type = 'table'").pluck().all(), ['search_log']);
    assert.equal((db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'search_log'").pluck().get() as string).includes('WITHOUT ROWID'), true, 'no rowid to give away the order');
  });

  it('never slows or breaks a search when the log cannot be written', async (t) => {
    const built = await build(t);
    built.store.searchLog.append = async () => {
      throw new Error('disk full');
    };
    const visitor = built.browser();
    const typed = await visitor.get('/search?q=emma&via=box').expect(303);
    const res = await visitor.get(typed.headers.location!).expect(200);
    assert.match(res.text, /Emma/);
  });
});

describe('the visit key of a search', () => {
  it('is the same for one address within a day, different across addresses, and unrelated the next day', () => {
    const key = dailyVisitKeys();
    const day = Date.parse('2026-11-23T10:00:00Z');
    assert.equal(key('198.51.100.1', day), key('198.51.100.1', day + 60_000));
    assert.notEqual(key('198.51.100.1', day), key('198.51.100.2', day));
    assert.notEqual(key('198.51.100.1', day), key('198.51.100.1', day + DAY));
  });
});
