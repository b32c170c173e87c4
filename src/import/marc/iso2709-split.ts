/** One raw ISO 2709 record cut from a stream, with where it started. */
export interface RawRecord {
  /** The record's bytes, including its 0x1D terminator when `complete`. */
  bytes: Buffer;
  /** Byte offset of the record's first byte in the file. */
  offset: number;
  /** 1-based record number. */
  number: number;
  /** False for bytes left after the last terminator: a truncated file. */
  complete: boolean;
}

const RECORD_TERMINATOR = 0x1d;

/**
 * Cut a byte stream into records at each record terminator, remembering the
 * byte offset of each. Splitting on the terminator rather than trusting the
 * leader's length means one record with a wrong length cannot swallow the next.
 */
export async function* splitIso2709(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawRecord> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = 0;
  let number = 0;
  for await (const chunk of chunks) {
    const buffer = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(RECORD_TERMINATOR); end !== -1; end = buffer.indexOf(RECORD_TERMINATOR, start)) {
      const skipped = skipLineBreaks(buffer, start, end);
      if (skipped < end) {
        yield { bytes: buffer.subarray(skipped, end + 1), offset: pendingOffset + skipped, number: ++number, complete: true };
      }
      start = end + 1;
    }
    pending = buffer.subarray(start);
    pendingOffset += start;
  }
  const tail = skipLineBreaks(pending, 0, pending.length);
  if (tail < pending.length) {
    yield { bytes: pending.subarray(tail), offset: pendingOffset + tail, number: number + 1, complete: false };
  }
}

/** Some exports put a newline after each record; it belongs to no record. */
function skipLineBreaks(buffer: Buffer, from: number, to: number): number {
  let i = from;
  while (i < to && (buffer[i] === 0x0a || buffer[i] === 0x0d)) i++;
  return i;
}
