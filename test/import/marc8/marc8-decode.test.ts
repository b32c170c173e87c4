import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeMarc8 } from '../../../src/import/marc/marc8/marc8-decode.js';
import { MARC8_TABLES } from '../../../src/import/marc/marc8/marc8-tables.js';
import { SHARED_MARC } from '../helpers.js';
import { hasYaz, yazMarc8 } from './yaz.js';

const CODETABLES = path.join(SHARED_MARC, 'codetables.xml');
const noTables = existsSync(CODETABLES) ? false : `no ${CODETABLES} (LC's code tables are not in the repository)`;
const noYaz = hasYaz ? false : 'yaz-marcdump is not installed (Debian package yaz)';
const decode = (latin1: string) => decodeMarc8(Buffer.from(latin1, 'latin1'));

/** One value per character of a set, each selecting the set by escape sequence, as a cataloguing system would write it. */
function everyCharacter(final: number): { bytes: string; key: string }[] {
  const set = MARC8_TABLES[final]!;
  const combining = new Set(set.combining.split(' '));
  return set.map.split(' ').map((pair) => {
    const key = pair.split(':')[0]!;
    const k = parseInt(key, 16);
    const f = String.fromCharCode(final);
    let bytes: string;
    if (set.width === 3) bytes = `\x1b$1${String.fromCharCode(k >> 16, (k >> 8) & 0xff, k & 0xff)}\x1b(B`;
    else if (final === 0x67 || final === 0x62 || final === 0x70) bytes = `\x1b${f}${String.fromCharCode(k)}\x1bs`;
    else if (final === 0x45 || final === 0x51 || final === 0x34) bytes = `\x1b)${f}${String.fromCharCode(k | 0x80)}`; // the G1 sets, by their G1 codes
    else bytes = `\x1b(${f}${String.fromCharCode(k)}\x1b(B`;
    return { key, bytes: combining.has(key) ? `${bytes}a` : `x${bytes}` };
  });
}

test("every code in LC's codetables.xml decodes to LC's Unicode character", { skip: noTables }, () => {
  const xml = readFileSync(CODETABLES, 'utf8');
  let checked = 0;
  for (const [, isoCode, body] of xml.matchAll(/<characterSet name="[^"]*" ISOcode="([0-9A-F]+)">([\s\S]*?)<\/characterSet>/g)) {
    const final = parseInt(isoCode!, 16);
    const entries = everyCharacter(final);
    const wanted = new Map([...body!.matchAll(/<code>([\s\S]*?)<\/code>/g)].map(([, code]) => [/<marc>(\w+)<\/marc>/.exec(code!)![1]!, /<ucs>(\w*)<\/ucs>/.exec(code!)![1]!]));
    for (const { key, bytes } of entries) {
      const marc = MARC8_TABLES[final]!.width === 3 ? key : [...wanted.keys()].find((k) => (parseInt(k, 16) & 0x7f) === parseInt(key, 16))!;
      const ucs = wanted.get(marc)!;
      const char = ucs ? String.fromCodePoint(parseInt(ucs, 16)) : '';
      const expected = (bytes.startsWith('x') ? `x${char}` : `a${char}`).normalize('NFC');
      assert.equal(decode(bytes).text, expected, `${MARC8_TABLES[final]!.name} ${marc}`);
      checked++;
    }
  }
  assert.ok(checked > 16_000, `checked ${checked} codes`);
});

test('every character of every set decodes as yaz-marcdump decodes it', { skip: noYaz }, () => {
  for (const final of Object.keys(MARC8_TABLES).map(Number)) {
    const values = everyCharacter(final);
    const yaz = yazMarc8(values.map((v) => v.bytes));
    assert.equal(yaz.length, values.length);
    values.forEach((v, i) => assert.equal(decode(v.bytes).text, yaz[i]!.normalize('NFC'), `${MARC8_TABLES[final]!.name} ${v.key}`));
  }
});

// The samples a librarian met: space inside non-Latin text, alif, marks before their letter, double diacritics, EACC.
const SAMPLES: [string, string, string][] = [
  ['Cyrillic with spaces', '\x1b(NsINDROM pETRU[KI : ROMAN\x1b(B', 'Синдром Петрушки : роман'],
  ['Greek with a space', '\x1b(SBO P\x1b(B', ''],
  ['Hebrew with a space', '\x1b(2`a ag\x1b(B', ''],
  ['Arabic with a space', '\x1b(3GD IG\x1b(B', ''],
  ['alif (ANSEL 0xAE) is U+02BC', '\xaeAl\xaeI', '\u02BCAl\u02BCI'],
  ['two marks before one letter keep their order after it', 'Vi\xf2\xe3et', 'Việt'.normalize('NFC')],
  ['a ligature over two letters (double diacritic)', '\xebt\xecs', 't\u0361s'],
  ['EACC then back to Latin', '\x1b$1\x21\x30\x21\x21\x30\x22\x1b(B (1990)', '一丁 (1990)'],
];

for (const [name, bytes, expected] of SAMPLES) {
  test(`MARC-8 sample: ${name}`, () => {
    const result = decode(bytes);
    assert.deepEqual(result.problems, []);
    if (expected) assert.equal(result.text, expected);
    assert.ok(!result.text.includes('\uFFFD'));
    if (bytes.includes(' ') && bytes.startsWith('\x1b(')) assert.ok(result.text.includes(' '), 'the space survives');
  });
  test(`MARC-8 sample agrees with yaz-marcdump: ${name}`, { skip: noYaz }, () => {
    assert.equal(decode(bytes).text, yazMarc8([bytes])[0]!.normalize('NFC'));
  });
}

test('a byte no set defines costs one character, named in words, and the rest is read', () => {
  const result = decode('\x1b(NKOT\x1b(B \xa0 dog');
  assert.equal(result.text, 'кот \uFFFD dog');
  assert.deepEqual(result.problems, ['a character the Extended Latin (ANSEL) set does not have after "кот" was replaced by \uFFFD']);
});

test('a broken or cut-off escape sequence costs one character, not the text', () => {
  assert.equal(decode('abc\x1b(Zdef').text, 'abc\uFFFDdef');
  assert.match(decode('abc\x1b(Zdef').problems[0]!, /a change to a character set MARC-8 does not have/);
  assert.equal(decode('abc\x1b(').text, 'abc\uFFFD');
  assert.match(decode('abc\x1b(').problems[0]!, /an incomplete change of character set/);
  assert.equal(decode('\x1b$1\x21\x30').text, '\uFFFD');
});
