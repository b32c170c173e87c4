import { isUtf8 } from 'node:buffer';
import { parseRecord } from '../record-schema.js';
import type { ReadItem } from '../types.js';

/** The longest line read as a record; a real one is a few kilobytes. Longer lines are skipped unread. */
export const MAX_LINE_BYTES = 1_000_000;

/** Read NDJSON (one Shelfmark record per line); a bad line is rejected with its line number and the rest read on. */
export async function* readNdjson(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  let line = 0;
  let count = 0;
  for await (const { bytes, size, offset } of lines(input, MAX_LINE_BYTES)) {
    line++;
    if (!bytes) {
      const position = { file, recordNumber: ++count, line, byteOffset: offset };
      yield { ok: false, position, reason: `this line is ${(size / 1e6).toFixed(1)} MB, over the ${MAX_LINE_BYTES / 1e6} MB limit for one record` };
      continue;
    }
    const text = bytes.toString('utf8');
    if (!text.trim()) continue;
    const position = { file, recordNumber: ++count, line, byteOffset: offset };
    if (!isUtf8(bytes)) {
      yield { ok: false, position, reason: 'invalid UTF-8 on this line' };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { ok: false, position, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
      continue;
    }
    const parsed = parseRecord(value);
    yield parsed.ok ? { ok: true, position, record: parsed.record, warnings: parsed.warnings } : { ...parsed, position };
  }
}

/** One line: its bytes, or null (with its size) when it was longer than the limit and skipped unread. */
interface Line { bytes: Buffer | null; size: number; offset: number }

/**
 * Split a byte stream into lines, keeping each line's byte offset. A line
 * longer than `maxBytes` is never held in memory: its bytes are counted and
 * dropped until its end.
 */
async function* lines(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = 0;
  let skipping: { offset: number; size: number } | null = null;
  for await (const chunk of input) {
    const buffer = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(0x0a); end !== -1; end = buffer.indexOf(0x0a, start)) {
      const size = end - start;
      if (skipping) yield { bytes: null, size: skipping.size + size, offset: skipping.offset };
      else if (size > maxBytes) yield { bytes: null, size, offset: pendingOffset + start };
      else yield { bytes: buffer.subarray(start, end), size, offset: pendingOffset + start };
      skipping = null;
      start = end + 1;
    }
    const rest = buffer.subarray(start);
    const restOffset = pendingOffset + start;
    if (skipping || rest.length > maxBytes) {
      skipping = skipping ? { offset: skipping.offset, size: skipping.size + rest.length } : { offset: restOffset, size: rest.length };
      pending = Buffer.alloc(0);
      pendingOffset = restOffset + rest.length;
    } else {
      pending = rest;
      pendingOffset = restOffset;
    }
  }
  if (skipping) yield { bytes: null, size: skipping.size, offset: skipping.offset };
  else if (pending.length) yield { bytes: pending, size: pending.length, offset: pendingOffset };
}
