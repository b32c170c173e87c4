import type { CatalogueRecord } from '../model/record.js';
import type { RecordRow } from '../storage/embedded/record-rows.js';
import { FTS_COLUMNS } from '../storage/search-columns.js';
import type { PreparedRecord, ReadItem, SourcePosition } from './types.js';

/**
 * Prepared records as the reading thread posts them: every string of every
 * record in one array, in order. Posting a record and its row as objects
 * cost each thread about 30 µs a record in structured cloning (a few dozen
 * strings and arrays each); an array of strings and a typed array cost next
 * to nothing, and the record itself is its stored document, parsed again on
 * the writing side. (Joined into one string, cut again by end offsets, they
 * cost more: the join copied every string once more, as two-byte text when
 * any character in the message needed it, and a string that large is
 * allocated, and copied in, apart from the young generation: 100k MARC21
 * import, whole process: wall 0.95 and CPU 0.93 for the array.)
 *
 * A pack holds either documents alone or whole rows (`rows`), as the
 * reading thread prepared that message (read-worker.ts).
 *
 * Only plain prepared records are packed: no warnings, no unmapped
 * locations, no joined holdings, a position in `file` with nothing but
 * numbers. Everything else is posted as it is.
 */
export interface PackedRecords {
  rows: boolean;
  /** The records' strings, one after another: document, then (for whole rows) the rest of the row. */
  strings: string[];
  /** Per record: its number in the file, byte offset and line (NaN when the format has none), its row's year (NaN for none). */
  numbers: Float64Array;
}

const NUMBERS_PER_RECORD = 4;
const FTS_COUNT = FTS_COLUMNS.length;

/** Collects prepared records for one message. */
export class RecordPacker {
  private strings: string[] = [];
  private numbers: number[] = [];
  private count = 0;
  private rows = false;

  constructor(private readonly file: string) {}

  /** The index of the record in this message's pack, or -1 when it has to be posted as it is. */
  add(item: ReadItem): number {
    if (item.ok !== true || !item.prepared || item.warnings.length > 0 || item.prepared.unmapped.length > 0 || item.joinedHoldings !== undefined) return -1;
    const { position } = item;
    const { byteOffset, line } = position;
    const keys = 2 + (byteOffset === undefined ? 0 : 1) + (line === undefined ? 0 : 1);
    if (position.file !== this.file || Object.keys(position).length !== keys) return -1;
    const { row } = item.prepared;
    const whole = typeof row !== 'string';
    if (this.count === 0) this.rows = whole;
    if (whole !== this.rows || (whole && row.fts.length !== FTS_COUNT)) return -1;
    if (!whole) this.strings.push(row);
    else this.strings.push(row.doc, row.id, row.hash, row.sortTitle, row.sortAuthor, ...row.fts, row.facets);
    this.numbers.push(position.recordNumber, byteOffset ?? NaN, line ?? NaN, whole ? (row.year ?? NaN) : NaN);
    return this.count++;
  }

  /** The pack, and a fresh start for the next message; undefined when nothing was packed. */
  take(): PackedRecords | undefined {
    if (this.count === 0) return undefined;
    const packed = { rows: this.rows, strings: this.strings, numbers: Float64Array.from(this.numbers) };
    this.strings = [];
    this.numbers = [];
    this.count = 0;
    return packed;
  }
}

/**
 * The items of a pack, in pack order, as the reading thread had them. Each
 * record is its document parsed again; with a whole row, only when first
 * asked for, since a store that takes rows (upsertRows) never asks.
 */
export function unpackRecords(packed: PackedRecords, file: string): ReadItem[] {
  const { rows, strings, numbers } = packed;
  const items: ReadItem[] = [];
  let at = 0;
  const next = () => strings[at++]!;
  for (let n = 0; n < numbers.length; n += NUMBERS_PER_RECORD) {
    const doc = next();
    let row: RecordRow | string = doc;
    if (rows) {
      const id = next();
      const hash = next();
      const sortTitle = next();
      const sortAuthor = next();
      const fts: string[] = [];
      for (let i = 0; i < FTS_COUNT; i++) fts.push(next());
      const year = numbers[n + 3]!;
      row = { id, year: Number.isNaN(year) ? null : year, hash, doc, sortTitle, sortAuthor, fts, facets: next() };
    }
    const position: SourcePosition = { file, recordNumber: numbers[n]! };
    if (!Number.isNaN(numbers[n + 1])) position.byteOffset = numbers[n + 1]!;
    if (!Number.isNaN(numbers[n + 2])) position.line = numbers[n + 2]!;
    const prepared = { unmapped: [], row };
    items.push(rows ? lazyRecordItem(doc, position, prepared) : { ok: true, record: JSON.parse(doc) as CatalogueRecord, position, warnings: [], prepared });
  }
  return items;
}

/** An item whose record is parsed from its document when first read, then kept. */
function lazyRecordItem(doc: string, position: SourcePosition, prepared: PreparedRecord): ReadItem {
  return {
    ok: true,
    get record(): CatalogueRecord {
      const record = JSON.parse(doc) as CatalogueRecord;
      Object.defineProperty(this, 'record', { value: record, enumerable: true, writable: true });
      return record;
    },
    position,
    warnings: [],
    prepared,
  };
}
