import { Readable } from 'node:stream';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import { parseRecord } from '../record-schema.js';
import { UnreadableFileError, type ReadItem } from '../types.js';

/**
 * Read a JSON array of Shelfmark records one element at a time (stream-json),
 * so a large file never sits in memory whole. A syntax error ends the file:
 * records before it are kept and the error names the record it broke in.
 */
export async function* readJsonArray(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  const elements = StreamArray.withParser();
  const source = Readable.from(input);
  source.on('error', (error) => elements.destroy(error));
  source.pipe(elements);
  let count = 0;
  try {
    for await (const { value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      const position = { file, recordNumber: ++count };
      const parsed = parseRecord(value);
      yield parsed.ok ? { ok: true, position, record: parsed.record, warnings: parsed.warnings } : { ...parsed, position };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (count === 0) throw new UnreadableFileError(`not a JSON array of records: ${message}`);
    yield { ok: false, position: { file, recordNumber: count + 1 }, reason: `JSON syntax error in or after record ${count + 1}, reading stopped: ${message}` };
  }
}
