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
  const splitter = new Iso2709Splitter();
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

/** splitIso2709 a chunk at a time, without a promise per record. */
export class Iso2709Splitter {
  private pending: Buffer = Buffer.alloc(0);
  private pendingOffset = 0;
  private number = 0;

  /**
   * The records completed by this chunk. Only the record that spans the
   * boundary is copied, joined from the two chunks; the rest are views of
   * the chunk. (Joining the whole chunk to the bytes left from the one
   * before copied the file once more, into a fresh megabyte each time.)
   */
  *push(chunk: Buffer): Generator<RawRecord> {
    let from = 0;
    if (this.pending.length) {
      const end = chunk.indexOf(RECORD_TERMINATOR);
      if (end === -1) {
        this.pending = Buffer.concat([this.pending, chunk]);
        return;
      }
      yield* this.cut(Buffer.concat([this.pending, chunk.subarray(0, end + 1)]));
      from = end + 1;
    }
    yield* this.cut(from === 0 ? chunk : chunk.subarray(from));
  }

  /** The records of `buffer`, which starts where the pending bytes start; what follows its last terminator is left pending. */
  private *cut(buffer: Buffer): Generator<RawRecord> {
    let start = 0;
    for (let end = buffer.indexOf(RECORD_TERMINATOR); end !== -1; end = buffer.indexOf(RECORD_TERMINATOR, start)) {
      const skipped = skipLineBreaks(buffer, start, end);
      if (skipped < end) {
        yield { bytes: buffer.subarray(skipped, end + 1), offset: this.pendingOffset + skipped, number: ++this.number, complete: true };
      }
      start = end + 1;
    }
    this.pending = buffer.subarray(start);
    this.pendingOffset += start;
  }

  /** What is left after the last terminator: a truncated record, unless it is only line breaks. */
  *end(): Generator<RawRecord> {
    const { pending } = this;
    const tail = skipLineBreaks(pending, 0, pending.length);
    if (tail < pending.length) {
      yield { bytes: pending.subarray(tail), offset: this.pendingOffset + tail, number: this.number + 1, complete: false };
    }
  }
}

/** Some exports put a newline after each record; it belongs to no record. */
function skipLineBreaks(buffer: Buffer, from: number, to: number): number {
  let i = from;
  while (i < to && (buffer[i] === 0x0a || buffer[i] === 0x0d)) i++;
  return i;
}
