import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, submit } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';

describe('pages with visit state are never kept by the browser', () => {
  it('sends Cache-Control: no-store on every page, the account, lists and the console, but lets assets be cached', async (t) => {
    const built = await build(t);
    await addMember(built.store, '1000000009', '9999', { role: 'librarian' });
    const visitor = built.browser();
    await submit(visitor, '/basket/add', { id: 'rec-emma' }, { status: 302 });
    await loginAs(visitor, '1000000009', '9999');
    for (const path of ['/', '/search?q=emma', '/record/rec-emma', '/basket', '/account', '/lists', '/librarian', '/login', '/no-such-page']) {
      const res = await visitor.get(path);
      assert.equal(res.headers['cache-control'], 'no-store', `${path} (${res.status})`);
    }
    const css = await visitor.get('/css/shelfmark.css').expect(200);
    assert.match(css.headers['cache-control']!, /max-age=\d+/);
  });
});
