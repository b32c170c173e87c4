import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type Entry } from '@retorquere/bibtex-parser';
import { toBibtex } from '../../../src/basket/export/bibtex.js';
import { catalogue, emma, emmaAudio, janeEyre, makeRecord } from '../../storage/fixtures.js';
import { hostile } from './hostile.js';
const ORIGIN = 'https://catalogue.example.org';

/**
 * Parsed by the parser behind Better BibTeX's imports into Zotero, with no
 * case changes, so text compares exactly. It turns {\"e} into e and a
 * combining diaeresis, so the result is composed (NFC) before comparing.
 */
function readBack(text: string): Entry[] {
  const library = parse(text, { english: false, sentenceCase: false });
  assert.deepEqual(library.errors, [], 'the parser reported errors');
  return JSON.parse(JSON.stringify(library.entries).normalize('NFC')) as Entry[];
}

describe('BibTeX export', () => {
  it('gives one entry per record, each with its own key', () => {
    const entries = readBack(toBibtex(catalogue, ORIGIN));
    assert.equal(entries.length, catalogue.length);
    assert.equal(new Set(entries.map((e) => e.key)).size, catalogue.length);
  });

  it('reads back title, authors, year, ISBN, publisher and series', () => {
    const [entry] = readBack(toBibtex([emma], ORIGIN));
    assert.equal(entry?.type, 'book');
    assert.equal(entry?.key, 'Austen1815Emma');
    assert.deepEqual(entry?.fields.author, [{ lastName: 'Austen', firstName: 'Jane' }]);
    assert.equal(entry?.fields.title, 'Emma');
    assert.equal(entry?.fields.year, '1815');
    assert.equal(entry?.fields.isbn, '9780141439587');
    assert.deepEqual(entry?.fields.publisher, ['Penguin']);
    assert.equal(entry?.fields.series, 'Penguin Classics');
  });

  it('keeps accents through LaTeX escapes: Brontë comes back as Brontë', () => {
    const [entry] = readBack(toBibtex([janeEyre], ORIGIN));
    assert.deepEqual(entry?.fields.author, [{ lastName: 'Brontë', firstName: 'Charlotte' }]);
    assert.equal(entry?.fields.title, 'Jane Eyre: an autobiography');
  });

  it('escapes braces, percent, dollar, hash, ampersand and backslash so the text comes back exactly', () => {
    const [entry] = readBack(toBibtex([hostile], ORIGIN));
    assert.equal(entry?.fields.title, 'Braces {and} 50% of $money & #tags_ \\ ~ ^ "quoted": a line break, and <b>markup</b>');
    assert.deepEqual(entry?.fields.author, [
      { lastName: '=HYPERLINK("http://evil.example")', firstName: 'Mallory' },
      { name: 'Royal Society of Chemistry' },
      { lastName: "O'Brien", firstName: 'Flann' },
    ]);
  });

  it('tells two records that would share a key apart', () => {
    const twin = makeRecord({ id: 'rec-emma-2', title: 'Emma', authors: ['Austen, Jane'], year: 1815 });
    const keys = readBack(toBibtex([emma, twin, emmaAudio], ORIGIN)).map((e) => e.key);
    assert.deepEqual(keys, ['Austen1815Emmaa', 'Austen1815Emmab', 'Austen2007Emma']);
  });
});
