import type { BranchRegistry } from '../branches/branch-registry.js';
import type { CatalogueRecord, Holding } from '../model/record.js';
import type { RecordRow } from '../storage/embedded/record-rows.js';

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
  | {
      ok: true;
      record: CatalogueRecord;
      position: SourcePosition;
      warnings: string[];
      /** Separate holdings records read earlier in the file and joined to this record, counted as read. */
      joinedHoldings?: number;
      /** Set by a reading thread asked to prepare (PreparableItems): the copies already have their branches. */
      prepared?: PreparedRecord;
    }
  | { ok: false; position: SourcePosition; reason: string; id?: string }
  | HoldingsItem;

/**
 * Copies from a separate holdings record (MARC 21 holdings, "MFHD", linked by
 * 004) whose bibliographic record was read earlier in the file or is already
 * in the catalogue: the importer adds them to the first of `targetIds` found.
 */
export interface HoldingsItem {
  ok: 'holdings';
  position: SourcePosition;
  /** The holdings record's own 001, when it has one. */
  id?: string;
  /** The 004 link as written, for messages. */
  link: string;
  /** Catalogue ids the link may stand for, most likely first. */
  targetIds: string[];
  holdings: Holding[];
  warnings: string[];
}

/**
 * What a reading thread did ahead for the importer: it gave the copies their
 * branches (noting the locations the registry did not cover) and worked out
 * the document the embedded store keeps (canonical JSON, the costliest part
 * of its row); and the whole row when the writing thread was behind
 * (read-worker.ts). Otherwise the writing thread works out the rest.
 */
export interface PreparedRecord {
  unmapped: Array<[location: string, copies: number]>;
  /** The whole row, or only the stored document. */
  row: RecordRow | string;
}

/** Items read on another thread, which can also prepare each record for the importer if asked before reading starts. */
export interface PreparableItems extends AsyncIterable<ReadItem> {
  prepareFor(branches: BranchRegistry): void;
}

/** A reader turns a byte stream into records or located errors, never stopping at a bad record. */
export type Reader = (input: AsyncIterable<Buffer>, file: string) => AsyncIterable<ReadItem>;

/** The file as a whole cannot be read (missing, empty, wrong format): exit code 2. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}
