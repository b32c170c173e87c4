import type { ReadItem } from '../types.js';
import { decodeIso2709 } from './decode-iso2709.js';
import { Iso2709Splitter, type RawRecord } from './iso2709-split.js';
import { MarcMapper, type ParsedMarc } from './marc-items.js';

/**
 * Read MARC21 binary (ISO 2709): each record is decoded and mapped on its own, so one bad record stops nothing.
 * Cutting, decoding and mapping run in one loop per chunk read, with no promise per record between them.
 */
export async function* readMarc21(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  const splitter = new Iso2709Splitter();
  const mapper = new MarcMapper();
  for await (const chunk of input) {
    for (const raw of splitter.push(chunk)) {
      const item = mapper.map(parse(raw, file));
      if (item) yield item;
    }
  }
  for (const raw of splitter.end()) {
    const item = mapper.map(parse(raw, file));
    if (item) yield item;
  }
  yield* mapper.leftovers();
}

function parse(raw: RawRecord, file: string): ParsedMarc {
  const position = { file, recordNumber: raw.number, byteOffset: raw.offset };
  if (!raw.complete) {
    const declared = Number(raw.bytes.toString('latin1', 0, 5));
    const size = Number.isFinite(declared) && declared > raw.bytes.length ? ` (${raw.bytes.length} of ${declared} bytes)` : '';
    return { position, error: `the file ends in the middle of this record${size}: it looks truncated, so export it again`, ...idOf(raw) };
  }
  try {
    const { marc, warnings } = decodeIso2709(raw.bytes);
    return { position, marc, warnings };
  } catch (error) {
    return { position, error: error instanceof Error ? error.message : String(error), ...idOf(raw) };
  }
}

/** The id (001, with 003) of a record whose structure cannot be read, when the bytes still show it, for the rejects report. */
function idOf(raw: RawRecord): { id?: string } {
  const text = raw.bytes.toString('latin1');
  const base = text.indexOf('\x1e', 24) + 1;
  const control = (tag: string) => {
    const entry = (text.slice(24, base > 0 ? base : 24 + 12 * 50).match(/.{12}/g) ?? []).find((e) => e.startsWith(tag));
    const m = entry && /^\d{3}(\d{4})(\d{5})$/.exec(entry);
    if (!m || base <= 0) return undefined;
    const value = text.slice(base + Number(m[2]), base + Number(m[2]) + Number(m[1])).split('\x1e')[0]?.trim();
    return value && /^[\x20-\x7e]+$/.test(value) ? value : undefined;
  };
  const id = control('001');
  const org = control('003');
  return id ? { id: org ? `(${org})${id}` : id } : {};
}
