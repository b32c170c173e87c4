import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Iso2709Splitter, type RawRecord } from '../../src/import/marc/iso2709-split.js';

/** What a splitter cut from `chunks`, with each record's bytes as text so they compare by value. */
function cut(chunks: Buffer[]): Array<Omit<RawRecord, 'bytes'> & { text: string }> {
  const splitter = new Iso2709Splitter();
  const records: RawRecord[] = [];
  for (const chunk of chunks) records.push(...splitter.push(chunk));
  records.push(...splitter.end());
  return records.map(({ bytes, ...rest }) => ({ ...rest, text: bytes.toString('latin1') }));
}

/** `bytes` cut into chunks of `size` bytes (the last may be shorter). */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

// Three records (the terminator is 0x1D), line breaks after two of them as some exports write, and a truncated tail.
const FILE = Buffer.from('first\x1d\r\nsecond record\x1d\nthird\x1dtrunc', 'latin1');

test('cuts the same records, with the same offsets and numbers, however the stream is chunked', () => {
  const whole = cut([FILE]);
  assert.deepEqual(whole, [
    { offset: 0, number: 1, complete: true, text: 'first\x1d' },
    { offset: 8, number: 2, complete: true, text: 'second record\x1d' },
    { offset: 23, number: 3, complete: true, text: 'third\x1d' },
    { offset: 29, number: 4, complete: false, text: 'trunc' },
  ]);
  for (let size = 1; size <= FILE.length; size++) assert.deepEqual(cut(chunked(FILE, size)), whole, `chunks of ${size} bytes`);
});

test('leaves nothing behind when the file ends with a terminator or line breaks', () => {
  const file = Buffer.from('one\x1dtwo\x1d\n', 'latin1');
  for (let size = 1; size <= file.length; size++) {
    assert.deepEqual(cut(chunked(file, size)).map((r) => [r.text, r.offset, r.complete]), [['one\x1d', 0, true], ['two\x1d', 4, true]], `chunks of ${size} bytes`);
  }
});
