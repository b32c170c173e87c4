import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, submit } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';
import { makeRecord } from '../storage/fixtures.js';

const at = (branch: string, shelfmark: string, itemId: string, status: 'available' | 'on-loan' | 'reference' = 'available') => ({ itemId, branch, shelfmark, status });
const records = [
  makeRecord({ id: 'r-ten', title: 'Tenth', holdings: [at('Central', 'F 10', 'c10'), at('Eastgate', 'F 1', 'e1')] }),
  makeRecord({ id: 'r-two', title: 'Second', holdings: [at('Central', 'F 2', 'c2')] }),
  makeRecord({ id: 'r-ref', title: 'Atlas', holdings: [at('Central', '912 ATL', 'c-ref', 'reference')] }),
  makeRecord({ id: 'r-loan', title: 'Lent', holdings: [{ ...at('Central', 'F 5', 'c5', 'on-loan'), dueDate: '2026-11-26' }] }),
  makeRecord({ id: 'r-ebook', title: 'Online only', mediaType: 'ebook', holdings: [at('Online Library', 'EB', 'ol1')] }),
];

/** [branch, shelfmark, title, status] for every row of the pick list, in page order. */
function rows(html: string): string[][] {
  const out: string[][] = [];
  for (const section of html.split('<section class="pick-list__branch"').slice(1)) {
    const branch = /<h2 id="pick-branch-\d+">([^<]*)<\/h2>/.exec(section)![1]!;
    for (const m of section.matchAll(/<th scope="row" class="shelfmark">([^<]*)<\/th>\s*<td><a [^>]*>([^<]*)<\/a>[^\n]*<\/td>\s*<td>([^<]*)<\/td>/g)) out.push([branch, m[1]!, m[2]!, m[3]!]);
  }
  return out;
}

describe('the basket as a pick list', () => {
  it('groups copies by branch, orders them by shelfmark, and says what is on the shelf now, holds counted', async (t) => {
    const built = await build(t, { records });
    await addMember(built.store, '1000000002', '1234');
    const other = built.browser();
    await loginAs(other, '1000000002', '1234');
    await submit(other, '/reservations', { id: 'r-two' }, { status: 302 });

    const visitor = built.browser();
    await visitor.get('/');
    await submit(visitor, '/basket/add', { id: records.map((r) => r.id) }, { status: 302 });
    const page = (await visitor.get('/basket/pick-list').expect(200)).text;
    // Shelf order within a branch: class numbers before letters, and "F 2" before "F 10".
    assert.deepEqual(rows(page), [
      ['Central', '912 ATL', 'Atlas', 'For use in the library'],
      ['Central', 'F 2', 'Second', 'Reserved for a member'],
      ['Central', 'F 5', 'Lent', 'On loan, due Thursday 26 November'],
      ['Central', 'F 10', 'Tenth', 'On the shelf'],
      ['Eastgate', 'F 1', 'Tenth', 'On the shelf'],
    ]);
    assert.match(page, /<li><a href="\/record\/r-ebook">Online only<\/a>: Available online<\/li>/);
    assert.match(page, /<button type="button" class="js-print" hidden>Print<\/button>/);
    assert.match(page, /<script src="\/js\/print-button\.js" defer><\/script>/);
  });

  it('uses only the ticked items, and sends an empty basket back to the basket page', async (t) => {
    const built = await build(t, { records });
    const visitor = built.browser();
    await visitor.get('/');
    await submit(visitor, '/basket/add', { id: ['r-ten', 'r-two'] }, { status: 302 });
    assert.deepEqual(rows((await visitor.get('/basket/pick-list?id=r-two').expect(200)).text).map((r) => r[2]), ['Second']);
    await submit(visitor, '/basket/empty', { confirm: 'yes' });
    const empty = built.browser();
    await empty.get('/');
    assert.equal((await empty.get('/basket/pick-list')).headers.location, '/basket');
  });
});
