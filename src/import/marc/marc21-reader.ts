import type { ReadItem } from '../types.js';
import { decodeIso2709 } from './decode-iso2709.js';
import { splitIso2709 } from './iso2709-split.js';
import { mapMarcRecord } from './map-record.js';

/** Read MARC21 binary (ISO 2709): each record is decoded and mapped on its own, so one bad record stops nothing. */
export async function* readMarc21(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  for await (const raw of splitIso2709(input)) {
    const position = { file, recordNumber: raw.number, byteOffset: raw.offset };
    if (!raw.complete) {
      const declared = Number(raw.bytes.toString('latin1', 0, 5));
      const size = Number.isFinite(declared) && declared > raw.bytes.length ? ` (${raw.bytes.length} of ${declared} bytes)` : '';
      yield { ok: false, position, reason: `the file ends in the middle of this record${size}: it looks truncated, so export it again` };
      continue;
    }
    try {
      const mapped = mapMarcRecord(decodeIso2709(raw.bytes));
      yield mapped.ok ? { ok: true, position, record: mapped.record, warnings: mapped.warnings } : { ...mapped, position };
    } catch (error) {
      yield { ok: false, position, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
