import { isUtf8 } from 'node:buffer';
import { parseRecord } from '../record-schema.js';
import type { ReadItem } from '../types.js';

/** Read NDJSON (one Shelfmark record per line); a bad line is rejected with its line number and the rest read on. */
export async function* readNdjson(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  let line = 0;
  let count = 0;
  for await (const { bytes, offset } of lines(input)) {
    line++;
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

/** Split a byte stream into UTF-8 lines, keeping each line's byte offset. */
async function* lines(input: AsyncIterable<Buffer>): AsyncGenerator<{ bytes: Buffer; offset: number }> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = 0;
  for await (const chunk of input) {
    const buffer = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(0x0a); end !== -1; end = buffer.indexOf(0x0a, start)) {
      yield { bytes: buffer.subarray(start, end), offset: pendingOffset + start };
      start = end + 1;
    }
    pending = buffer.subarray(start);
    pendingOffset += start;
  }
  if (pending.length) yield { bytes: pending, offset: pendingOffset };
}
