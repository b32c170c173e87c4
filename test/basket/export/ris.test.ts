import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AST, parse as risToCsl } from 'astrocite-ris';
import { toRis } from '../../../src/basket/export/ris.js';
import { catalogue, emma, prideDvd } from '../../storage/fixtures.js';
import { hostile } from './hostile.js';
const ORIGIN = 'https://catalogue.example.org';

/**
 * The RIS specification's line format: a two-character tag (capital letter,
 * then capital or digit), two spaces, a hyphen, a space, the value; CR LF at
 * the end of every line; each reference opens with TY and closes with "ER  - ".
 */
function assertRisLines(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'), 'the file ends with CR LF');
  const lines = text.slice(0, -2).split('\r\n');
  const references: string[][] = [];
  let open: string[] | undefined;
  for (const line of lines) {
    assert.match(line, /^[A-Z][A-Z0-9] {2}- /, `not a RIS line: ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, /[\r\n]/);
    const tag = line.slice(0, 2);
    if (tag === 'TY') {
      assert.equal(open, undefined, 'TY inside an open reference');
      open = [];
    } else assert.ok(open, `${tag} outside a reference`);
    open.push(line);
    if (tag === 'ER') {
      assert.equal(line, 'ER  - ');
      references.push(open);
      open = undefined;
    }
  }
  assert.equal(open, undefined, 'the last reference is not closed by ER');
  return references;
}

/** Tag and value pairs of each reference, as astrocite-ris (an independent RIS grammar) reads them. */
function parsed(text: string): Array<Array<[string, string]>> {
  return AST.parse(text).children.map((entry) => entry.properties.map((p): [string, string] => [p.key, p.value]));
}

describe('RIS export', () => {
  it('follows the RIS line format, one reference per record', () => {
    assert.equal(assertRisLines(toRis(catalogue, ORIGIN)).length, catalogue.length);
  });

  it('is read by an independent RIS parser with type, title, authors, year and ISBN', () => {
    const [fields] = parsed(toRis([emma], ORIGIN));
    assert.ok(fields);
    const text = toRis([emma], ORIGIN);
    assert.ok(text.startsWith('TY  - BOOK\r\n'));
    assert.deepEqual(fields.filter(([k]) => ['AU', 'TI', 'PY', 'SN', 'PB', 'T2', 'CN'].includes(k)), [
      ['AU', 'Austen, Jane'], ['CN', 'F'], ['PY', '1815'], ['PB', 'Penguin'], ['SN', '9780141439587'], ['T2', 'Penguin Classics'], ['TI', 'Emma'],
    ]);
  });

  it('maps to CSL as Zotero would: a book with its author and ISBN, a DVD as a film', () => {
    const [book, film] = risToCsl(toRis([emma, prideDvd], ORIGIN));
    assert.equal(book?.type, 'book');
    assert.equal(book?.title, 'Emma');
    assert.deepEqual(book?.author, [{ family: 'Austen', given: 'Jane' }]);
    assert.equal(book?.ISBN, '9780141439587');
    assert.equal(film?.type, 'motion_picture');
    assert.equal(film?.title, 'Pride & Prejudice');
  });

  it('keeps every value on one line, so a line break in a record cannot start a false tag', () => {
    const text = toRis([hostile], ORIGIN);
    assertRisLines(text);
    const fields = parsed(text)[0]!;
    assert.deepEqual(fields.find(([k]) => k === 'TI'), ['TI', 'Braces {and} 50% of $money & #tags_ \\ ~ ^ "quoted": a line break, and <b>markup</b>']);
    assert.deepEqual(fields.find(([k]) => k === 'AB'), ['AB', 'Comma, "quote", and CRLF.']);
    assert.deepEqual(fields.filter(([k]) => k === 'AU').map(([, v]) => v), ['=HYPERLINK("http://evil.example"), Mallory', 'Royal Society of Chemistry', "O'Brien, Flann"]);
  });
});
