import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { workKey } from '../../src/catalogue/work-key.js';

describe('work keys, remembered by what they are made from', () => {
  it('gives a record seen again the key it had, and a changed title its own', () => {
    const hobbit = { title: 'The Hobbit : or, There and back again', authors: ['Tolkien, J. R. R. (John Ronald Reuel), 1892-1973'] };
    assert.equal(workKey(hobbit), 'hobbit|tolkienjrr');
    assert.equal(workKey({ ...hobbit }), 'hobbit|tolkienjrr');
    assert.equal(workKey({ ...hobbit, title: 'The Silmarillion' }), 'silmarillion|tolkienjrr');
    assert.equal(workKey({ ...hobbit, uniformTitle: 'Hobbit (Motion picture : 2012)' }), 'hobbit motion picture 2012|tolkienjrr');
  });

  it('never lets two records share a remembered key because their fields read the same run together', () => {
    // Title "a" by "b" + NUL + "c", and title "a" + NUL + "b" by "c": the same text once joined with NULs.
    const split = { title: 'a', authors: ['b\u0000c'] };
    const joined = { title: 'a\u0000b', authors: ['c'] };
    const splitKey = workKey(split);
    assert.notEqual(workKey(joined), splitKey);
    assert.equal(workKey(split), splitKey);
  });

  it('still answers right once more records have been seen than it remembers', () => {
    for (let i = 0; i < 20_050; i++) workKey({ title: `Title ${i}`, authors: [`Author ${i}`] });
    assert.equal(workKey({ title: 'Title 7', authors: ['Author 7'] }), 'title 7|author');
    assert.equal(workKey({ title: 'Title 20049', authors: ['Author 20049'] }), 'title 20049|author');
  });
});
