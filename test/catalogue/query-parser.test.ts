import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../../src/catalogue/query-parser.js';

describe('parsing what a member typed', () => {
  it('splits plain words into separate clauses', () => {
    assert.deepEqual(parseQuery('jane eyre'), [
      { field: 'any', words: ['jane'], phrase: false },
      { field: 'any', words: ['eyre'], phrase: false },
    ]);
  });

  it('reads quoted phrases and field searches', () => {
    assert.deepEqual(parseQuery('title:"pride and prejudice" author:austen'), [
      { field: 'title', words: ['pride', 'and', 'prejudice'], phrase: true },
      { field: 'author', words: ['austen'], phrase: false },
    ]);
  });

  it('keeps ISBNs whole, with or without hyphens or the field name', () => {
    assert.deepEqual(parseQuery('978-0-14-143958-7'), [{ field: 'any', words: ['9780141439587'], phrase: false }]);
    assert.deepEqual(parseQuery('isbn:0-14-143958-x'), [{ field: 'isbn', words: ['014143958X'], phrase: false }]);
  });

  it('treats an unknown field name as words', () => {
    assert.deepEqual(parseQuery('colour:red').map((c) => c.words), [['colour'], ['red']]);
  });

  it('turns every piece of query syntax into nothing or plain words', () => {
    for (const input of ['"', '*', 'title:', '()', 'NEAR/2', '$where', "'; DROP TABLE x; --", '-', '^']) {
      for (const clause of parseQuery(input)) {
        for (const word of clause.words) assert.match(word, /^[\p{L}\p{N}\p{M}]+$/u, `${input} → ${word}`);
      }
    }
  });

  it('keeps letters in every script and their accents', () => {
    assert.deepEqual(parseQuery('Brontë Łódź Война 紅樓夢').map((c) => c.words[0]), ['Brontë', 'Łódź', 'Война', '紅樓夢']);
  });
});
