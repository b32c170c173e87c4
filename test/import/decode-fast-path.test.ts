import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeIso2709 } from '../../bench/iso2709-writer.js';
import { decodeIso2709, decodeIso2709Carefully } from '../../src/import/marc/decode-iso2709.js';
import { fixture, SHARED_MARC } from './helpers.js';

/** Each record of a binary MARC file, cut at its terminator. */
function records(bytes: Buffer): Buffer[] {
  const found: Buffer[] = [];
  for (let start = 0, end = bytes.indexOf(0x1d); end !== -1; start = end + 1, end = bytes.indexOf(0x1d, start)) found.push(bytes.subarray(start, end + 1));
  return found;
}

/** Both decoders on one record: the same fields and warnings, or the same error. */
function sameBothWays(raw: Buffer, label: string): void {
  const outcome = (decode: (raw: Buffer) => unknown) => {
    try {
      return decode(raw);
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  assert.deepEqual(outcome(decodeIso2709), outcome(decodeIso2709Carefully), label);
}

const UTF8 = '00000nam a2200000 i 4500';

test('well-formed UTF-8 records decode as the careful path decodes them, in the edge cases it must not change', () => {
  const cases: Array<[string, string[][]]> = [
    // An accent written after the subfield code must not compose with the code letter.
    ['combining mark first', [['001', 'x1'], ['245', '10', 'a', '\u0308Title', 'e', 'e\u0301']]],
    // TextDecoder drops a byte order mark at the start of a subfield; Buffer would keep it.
    ['byte order mark', [['001', 'x2'], ['245', '10', 'a', '\uFEFFTitle']]],
    ['empty subfields and a field of indicators only', [['001', 'x3'], ['245', '10', 'a', '', 'b', 'Sub'], ['500', '  ']]],
    ['non-ASCII control field', [['001', 'ïd'], ['245', '10', 'a', 'Łódź']]],
    ['non-ASCII subfield code', [['001', 'x4'], ['245', '10', 'é', 'Title']]],
    ['digit and capital codes', [['001', 'x5'], ['952', '  ', 'a', 'Main', '7', '1', 'Z', 'z']]],
  ];
  for (const [label, fields] of cases) sameBothWays(encodeIso2709(UTF8, fields), label);
  const decoded = decodeIso2709(encodeIso2709(UTF8, cases[0]![1]));
  assert.deepEqual(decoded.marc.fields[1], ['245', '10', 'a', '\u0308Title', 'e', '\u00e9']);
});

test('every record of the fixtures and the shared MARC files decodes the same both ways', () => {
  const files = [
    ...readdirSync(path.dirname(fixture('x'))).filter((f) => f.endsWith('.mrc')).map(fixture),
    ...(existsSync(SHARED_MARC) ? readdirSync(SHARED_MARC).filter((f) => f.endsWith('.mrc')).map((f) => path.join(SHARED_MARC, f)) : []),
  ];
  let count = 0;
  for (const file of files) {
    for (const [i, raw] of records(readFileSync(file)).entries()) {
      sameBothWays(raw, `${path.basename(file)} record ${i + 1}`);
      count++;
    }
  }
  assert.ok(count > 20, `only ${count} records`);
});

test('records with bytes changed at random decode the same both ways', () => {
  const base = [
    encodeIso2709(UTF8, [['001', 'r1'], ['008', '240101s1999    enk           000 1 eng d'], ['100', '1 ', 'a', 'Brontë, Anne'], ['245', '10', 'a', 'Agnes Grey /', 'c', 'Anne Brontë.'], ['952', '  ', 'a', 'Central', 'p', '123']]),
    encodeIso2709(UTF8, [['001', 'r2'], ['245', '00', 'a', 'Plain ASCII title :', 'b', 'subtitle'], ['650', ' 0', 'a', 'Cookery', 'z', 'Wales']]),
  ];
  const bytes = [0x1f, 0x1e, 0x80, 0xc3, 0xa9, 0xcc, 0x88, 0xef, 0xbb, 0xbf, 0xff, 0x00, 0x20, 0x41, 0x7f];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < 3000; n++) {
    const raw = Buffer.from(base[n % base.length]!);
    for (let k = 0; k <= n % 3; k++) {
      const at = 24 + Math.floor(random() * (raw.length - 25));
      raw[at] = bytes[Math.floor(random() * bytes.length)]!;
    }
    sameBothWays(raw, `variant ${n}`);
  }
});
