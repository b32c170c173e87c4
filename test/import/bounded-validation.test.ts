import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNdjson } from '../../src/import/json/ndjson-reader.js';
import { parseRecord } from '../../src/import/record-schema.js';
import type { ReadItem } from '../../src/import/types.js';

const GOOD = JSON.stringify({ id: 'after', title: 'Read after the bad line', mediaType: 'book' });

/** Feeds buffers to the NDJSON reader in 64 KiB chunks, as a file stream would. */
async function readLines(...parts: Buffer[]): Promise<ReadItem[]> {
  async function* chunks() {
    for (const part of parts) for (let i = 0; i < part.length; i += 65_536) yield part.subarray(i, i + 65_536);
  }
  const items: ReadItem[] = [];
  for await (const item of readNdjson(chunks(), 'big.ndjson')) items.push(item);
  return items;
}

/** A record line whose authors array has `n` elements, none of them text. */
function lineWithArray(n: number): Buffer {
  return Buffer.from(`{"id":"big","title":"Big","mediaType":"book","authors":[${'1,'.repeat(n - 1)}1]}\n`);
}

test('a 16 MB NDJSON line with an 8-million-element array is rejected by size, with a short message, and the next line is read', async () => {
  const big = lineWithArray(8_000_000);
  assert.ok(big.length > 16_000_000);
  const items = await readLines(big, Buffer.from(`${GOOD}\n`));
  assert.equal(items.length, 2);
  const [bad, good] = items;
  assert.ok(bad && !bad.ok);
  assert.match(bad.reason, /^this line is 16\.0 MB, over the 1 MB limit for one record$/);
  assert.equal(bad.position.line, 1);
  assert.ok(good?.ok === true && good.record.id === 'after');
});

test('an array under the line limit but over the field limit gives one short reason, not one per element', () => {
  const value = { id: 'x', title: 'X', mediaType: 'book', authors: Array.from({ length: 200_000 }, () => 1), subjects: [1, 2, 3] };
  const parsed = parseRecord(value);
  assert.ok(!parsed.ok);
  assert.ok(parsed.reason.length < 300, `reason is ${parsed.reason.length} characters`);
  assert.match(parsed.reason, /authors: more than 1,000 values \(200,000\)/);
});

test('the schema names the first few problems in each field and counts the rest', () => {
  const parsed = parseRecord({ id: 'x', title: 'X', mediaType: 'book', subjects: Array.from({ length: 900 }, (_, i) => i), languages: ['english', 'french'] });
  // Issue 16 keeps a record whose values are bad, with warnings: a field of 900 bad values costs six lines, not 900.
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.warnings, [
    'subjects.0: 0 is not usable and was left out',
    'subjects.1: 1 is not usable and was left out',
    'subjects.2: 2 is not usable and was left out',
    'subjects.3: 3 is not usable and was left out',
    'subjects.4: 4 is not usable and was left out',
    'subjects: 895 more problems like these were not listed',
    'languages.0: "english" is not a three-letter language code and was left out',
    'languages.1: "french" is not a three-letter language code and was left out',
  ]);
});

test('a text longer than the limit is rejected by length', () => {
  const parsed = parseRecord({ id: 'x', title: 'X'.repeat(70_000), mediaType: 'book' });
  assert.ok(!parsed.ok);
  assert.match(parsed.reason, /^title: longer than 65,536 characters$/);
});

test('a record with fields named like Object\'s own ("constructor", "toString", "__proto__") is kept with a warning, and the next line is read', async () => {
  const odd = JSON.stringify({ id: 'odd', title: 'Odd', mediaType: 'book' }).replace(/}$/, ',"constructor":1,"toString":"x","__proto__":2}');
  const items = await readLines(Buffer.from(`${odd}\n${GOOD}\n`));
  assert.equal(items.length, 2);
  const [first, second] = items;
  assert.ok(first?.ok === true && first.record.id === 'odd');
  assert.deepEqual(first.warnings, ['"constructor" is not a Shelfmark field and was ignored', '"toString" is not a Shelfmark field and was ignored', '"__proto__" is not a Shelfmark field and was ignored']);
  assert.equal(Object.getPrototypeOf(first.record), Object.prototype);
  assert.ok(second?.ok === true && second.record.id === 'after');
});
