import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build, submit, type Built } from '../helpers/build.js';
import { addMember } from '../helpers/members.js';

/** Rows in the embedded store's sessions table, read straight from the file. */
function storedSessions(built: Built): number {
  const db = new Database(path.join(built.dataDir, 'shelfmark.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('what anonymous visitors can make the server store', () => {
  it('stores no session for a bare GET /login, however often it is asked for', async (t) => {
    const built = await build(t);
    for (let i = 0; i < 50; i++) {
      const res = await built.request().get('/login').set('Cookie', 'COOKIE_SUPPORT=true');
      assert.equal(res.status, 200);
    }
    assert.equal(storedSessions(built), 0);
  });

  it('still logs a member in from that page, with no session before the login', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const v = built.browser();
    await v.get('/');
    await v.get('/login');
    const res = await submit(v, '/login', { card: '1000000001', pin: '1234' });
    assert.equal(res.status, 302);
    assert.equal(storedSessions(built), 1);
  });

  it('writes one audit entry per card and window for refused logins, however many arrive', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000001', '1234');
    const v = built.browser();
    await v.get('/');
    for (let i = 0; i < 30; i++) await submit(v, '/login', { card: '1000000001', pin: '0000' });
    const { entries } = await built.store.audit.list({ action: 'login-failed' }, 0, 100);
    // Five checked failures, one entry for the card's first refusal, one for the address's (after 20 attempts).
    assert.deepEqual(entries.map((e) => e.target).reverse(), ['invalid', 'invalid', 'invalid', 'invalid', 'card-locked', 'card-locked', 'address-locked']);
    built.clock.advanceMinutes(15);
    for (let i = 0; i < 10; i++) await submit(v, '/login', { card: '1000000001', pin: '0000' });
    assert.equal((await built.store.audit.list({ action: 'login-failed' }, 0, 100)).entries.length, 13);
  });
});
