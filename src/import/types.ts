import type { CatalogueRecord } from '../catalogue/record.js';

/** Where in a file a record was found, as precisely as its format allows. */
export interface SourcePosition {
  file: string;
  /** 1-based number of the record in the file. */
  recordNumber: number;
  /** Byte offset of the record's first byte (binary MARC, JSON). */
  byteOffset?: number;
  /** 1-based line (MARCXML, CSV, NDJSON). */
  line?: number;
}

/** One result from a reader: a mapped record, or a record that could not be used and why. */
export type ReadItem =
  | { ok: true; record: CatalogueRecord; position: SourcePosition; warnings: string[] }
  | { ok: false; position: SourcePosition; reason: string; id?: string };

/** A reader turns a byte stream into records or located errors, never stopping at a bad record. */
export type Reader = (input: AsyncIterable<Buffer>, file: string) => AsyncIterable<ReadItem>;

/** The file as a whole cannot be read (missing, empty, wrong format): exit code 2. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}
