/** The formats the importer reads. */
export const FORMATS = ['marc21', 'marcxml', 'csv', 'json', 'ndjson'] as const;
export type ImportFormat = (typeof FORMATS)[number];

/** Running totals of one import; `read` counts every record seen, good or bad. */
export interface ImportCounts {
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Records replaced by a later record with the same id in the same batch. */
  duplicates: number;
  warnings: number;
}

/** Counts of an import that has read nothing yet. */
export function emptyCounts(): ImportCounts {
  return { read: 0, added: 0, updated: 0, unchanged: 0, rejected: 0, duplicates: 0, warnings: 0 };
}

export type ImportRunStatus = 'running' | 'finished' | 'failed';

/** One import started from the librarian console: what it is doing, or how it ended. */
export interface ImportRun {
  id: string;
  /** The name the file had on the librarian's computer. */
  fileName: string;
  /** Bytes uploaded. */
  size: number;
  /** Known once the file has been recognised. */
  format: ImportFormat | null;
  /** Card of the librarian who started it. */
  card: string;
  status: ImportRunStatus;
  counts: ImportCounts;
  bytesRead: number;
  startedAt: number;
  /** Last sign of life; a running import silent for long was cut off by a stopped server. */
  updatedAt: number;
  finishedAt: number | null;
  /** Why a failed import failed, in words for a librarian. */
  error: string | null;
}

/** A run as it is claimed: nothing read yet. */
export type NewImportRun = Pick<ImportRun, 'id' | 'fileName' | 'size' | 'card' | 'startedAt'>;

/** A line of the rejects report: a rejected record, or a warning about one that was kept. */
export interface ImportProblem {
  /** 1-based, in the order the importer met them. */
  seq: number;
  kind: 'rejected' | 'warning';
  recordNumber: number;
  byteOffset?: number;
  line?: number;
  recordId?: string;
  reason: string;
}

/** Claiming either starts the run or names the one that is in the way. */
export type ClaimResult = { claimed: true } | { claimed: false; running: ImportRun };

/**
 * Import runs from the console, kept in the store so every instance can show
 * their progress, and so that "one import at a time" holds across instances.
 */
export interface ImportRunStore {
  /**
   * Starts `run` unless another import is running, atomically (a unique index
   * over running runs, not a prior read). A running run not heard from since
   * `staleBefore` is first marked failed, so a crashed server cannot block
   * imports for ever.
   */
  claim(run: NewImportRun, staleBefore: number): Promise<ClaimResult>;
  /** Progress of a running run; also its sign of life. */
  progress(id: string, update: { counts: ImportCounts; bytesRead: number; format: ImportFormat | null; now: number }): Promise<void>;
  /** Appends report lines (their `seq` numbers are the caller's). */
  addProblems(id: string, problems: ImportProblem[]): Promise<void>;
  finish(id: string, end: { status: 'finished' | 'failed'; counts: ImportCounts; error: string | null; now: number }): Promise<void>;
  get(id: string): Promise<ImportRun | null>;
  /** The run in progress, if any. */
  running(): Promise<ImportRun | null>;
  /** Newest first. */
  recent(limit: number): Promise<ImportRun[]>;
  /** Report lines in `seq` order. */
  problems(id: string, offset: number, limit: number): Promise<ImportProblem[]>;
  /** Every report line in `seq` order, in batches read by key (`seq` after the last one), for the rejects CSV. */
  exportProblems(id: string, batchSize?: number): AsyncIterable<ImportProblem[]>;
}
