import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldForSearch, foldForSort, foldForTokenizer, foldLetters, normaliseQuery, words } from '../../src/text/fold.js';
import { titleSortKey } from '../../src/storage/record-keys.js';
import { tokens } from '../../src/storage/mongo/search-text.js';
import { parseQuery } from '../../src/catalogue/query-parser.js';

/**
 * Every folding in Shelfmark on the same inputs, one column per function and
 * the callers that use it. The columns differ on purpose; a change to one
 * shows here beside the others.
 */
const FOLDINGS = {
  /** Step shared by the index, the queries and the search log. */
  foldLetters,
  /** Embedded index columns (search-columns) and FTS5 queries (fts-query). */
  foldForTokenizer,
  /** MongoDB search copy and filters (mongo/search-text tokens). */
  foldForSearch,
  /** Sort keys in both adapters (titleSortKey, author sort). */
  foldForSort,
  /** Search log and demand report. */
  normaliseQuery,
  /** Query parser words. */
  words: (text: string) => words(text).join('|'),
} as const;

type Row = [input: string, expected: Record<keyof typeof FOLDINGS, string>];

const TABLE: Row[] = [
  ['Brontë', { foldLetters: 'Brontë', foldForTokenizer: 'Brontë', foldForSearch: 'bronte', foldForSort: 'bronte', normaliseQuery: 'bronte', words: 'Brontë' }],
  ['  Les   MISÉRABLES\t', { foldLetters: '  Les   MISÉRABLES\t', foldForTokenizer: '  Les   MISÉRABLES\t', foldForSearch: '  les   miserables\t', foldForSort: 'les   miserables', normaliseQuery: 'les miserables', words: 'Les|MISÉRABLES' }],
  ['Łódź Straße', { foldLetters: 'Lódź Strasse', foldForTokenizer: 'Lódź Strasse', foldForSearch: 'lodz strasse', foldForSort: 'łodz straße', normaliseQuery: 'lodz strasse', words: 'Łódź|Straße' }],
  ['Ærøskøbing', { foldLetters: 'AEroskobing', foldForTokenizer: 'AEroskobing', foldForSearch: 'aeroskobing', foldForSort: 'ærøskøbing', normaliseQuery: 'aeroskobing', words: 'Ærøskøbing' }],
  ['Йога й', { foldLetters: 'Йога й', foldForTokenizer: 'Йога й', foldForSearch: 'йога й', foldForSort: 'иога и', normaliseQuery: 'иога и', words: 'Йога|й' }],
  ['The Hobbit ', { foldLetters: 'The Hobbit ', foldForTokenizer: 'The Hobbit ', foldForSearch: 'the hobbit ', foldForSort: 'the hobbit', normaliseQuery: 'the hobbit', words: 'The|Hobbit' }],
  ['ﬁsh', { foldLetters: 'ﬁsh', foldForTokenizer: 'ﬁsh', foldForSearch: 'ﬁsh', foldForSort: 'ﬁsh', normaliseQuery: 'fish', words: 'ﬁsh' }],
  ['Cafe\u0301', { foldLetters: 'Cafe\u0301', foldForTokenizer: 'Café', foldForSearch: 'cafe', foldForSort: 'cafe', normaliseQuery: 'cafe', words: 'Café' }],
  ['978-0-14-143951-8', { foldLetters: '978-0-14-143951-8', foldForTokenizer: '978-0-14-143951-8', foldForSearch: '978-0-14-143951-8', foldForSort: '978-0-14-143951-8', normaliseQuery: '978-0-14-143951-8', words: '978|0|14|143951|8' }],
  ['naïve — café', { foldLetters: 'naïve — café', foldForTokenizer: 'naïve — café', foldForSearch: 'naive — cafe', foldForSort: 'naive — cafe', normaliseQuery: 'naive — cafe', words: 'naïve|café' }],
];

for (const [input, expected] of TABLE) {
  test(`every folding of ${JSON.stringify(input)} is the one its callers rely on`, () => {
    for (const [name, fold] of Object.entries(FOLDINGS)) {
      assert.equal(fold(input), expected[name as keyof typeof FOLDINGS], name);
    }
  });
}

test('the callers fold through the shared module', () => {
  assert.equal(titleSortKey('The Brontë Sisters'), foldForSort('Brontë Sisters'));
  assert.deepEqual(tokens('Łódź — Brontë'), ['lodz', 'bronte']);
  assert.deepEqual(parseQuery('Łódź Brontë').map((clause) => clause.words), [['Łódź'], ['Brontë']]);
});

test('plain ASCII text takes a shortcut that folds it exactly as the full path does', () => {
  const ascii = ['  The HOBBIT  ', 'Emma', '', ' \t\n', 'A\u0000B\u001fC', 'x~!@#$%^&*()_+`-={}[]|\\:";\'<>?,./', 'MiXeD 123'];
  for (const text of ascii) {
    assert.equal(foldForSort(text), text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim(), JSON.stringify(text));
    assert.equal(foldForTokenizer(text), foldLetters(text.normalize('NFC')), JSON.stringify(text));
  }
  // One letter past ASCII takes the full path.
  assert.equal(foldForSort(' Brontë '), 'bronte');
  assert.equal(foldForTokenizer('Łódź e\u0301'), 'Lódź é');
});
