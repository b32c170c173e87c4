import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactIsbn, isbn10Of, isbn13CheckDigit, isbnWords, isIsbnLike, normaliseIsbn } from '../../src/text/isbn.js';
import { parseQuery } from '../../src/catalogue/query-parser.js';

/**
 * One ISBN written the ways members and catalogue files write it, through
 * every ISBN rule: the importer's normal form, the search side's compact
 * token, and whether the query parser reads it as an ISBN.
 */
const TABLE: Array<[written: string, stored: string | null, searched: string, isbnToken: boolean]> = [
  ['0-14-143951-3', '9780141439518', '0141439513', true],
  ['0 14 143951 3', '9780141439518', '0141439513', true],
  ['0-7553-0750-X', '9780755307500', '075530750X', true],
  ['9780141439518', '9780141439518', '9780141439518', true],
  ['978-0-14-143951-8 (pbk.)', '9780141439518', '978-0-14-143951-8 (pbk.)', false],
  ['9780141439519', null, '9780141439519', true],
  ['123-456', null, '123-456', false],
  ['emma', null, 'emma', false],
];

for (const [written, stored, searched, isbnToken] of TABLE) {
  test(`the ISBN rules agree on ${JSON.stringify(written)}`, () => {
    assert.equal(normaliseIsbn(written), stored, 'stored as');
    assert.equal(compactIsbn(written), searched, 'searched as');
    assert.equal(isIsbnLike(written), isbnToken, 'read as an ISBN in a search');
  });
}

test('a stored ISBN-13 is also indexed as the ISBN-10 printed on older books', () => {
  assert.equal(isbn10Of('9780141439518'), '0141439513');
  assert.equal(isbn10Of('9780755307500'), '075530750X');
  assert.equal(isbn10Of('9798123456789'), null);
  assert.equal(normaliseIsbn(isbn10Of('9780141439518')!), '9780141439518');
});

test('the check digit the importer verifies is the one seed and bench generate', () => {
  assert.equal(isbn13CheckDigit('978014143951'), '8');
  assert.equal(normaliseIsbn(`978075530750${isbn13CheckDigit('978075530750')}`), '9780755307500');
});

test('an ISBN typed with hyphens in a search becomes one word of digits', () => {
  assert.deepEqual(isbnWords('978-0-14-143951-8'), ['9780141439518']);
  assert.deepEqual(parseQuery('978-0-14-143951-8'), [{ field: 'any', words: ['9780141439518'], phrase: false }]);
  assert.deepEqual(parseQuery('isbn:0-7553-0750-x'), [{ field: 'isbn', words: ['075530750X'], phrase: false }]);
});
