import { FORMAT_LABELS } from '../import/readers.js';
import type { ImportRun } from '../storage/store.js';
import { when } from './when.js';

/** What the import pages show about one run. */
export interface ImportRunView {
  id: string;
  href: string;
  rejectsHref: string;
  fileName: string;
  format: string;
  card: string;
  running: boolean;
  failed: boolean;
  status: string;
  started: string;
  finished: string | null;
  read: number;
  rejected: number;
  counts: ImportRun['counts'];
  problems: number;
  percent: number;
  /** "records.ndjson (NDJSON)": the file and what it was read as. */
  title: string;
  /** The end-of-run figures in a librarian's words, one row each; null while running. */
  summary: Array<{ label: string; value: string; hint: string }> | null;
  /** Records per second so far (running) or overall (ended). */
  speed: string;
  /** While running: about how long is left, from the bytes still to read. */
  timeLeft: string | null;
  error: string | null;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** A duration as staff would say it: "about 40 seconds", "about 3 minutes". */
export function roughly(seconds: number): string {
  if (seconds < 1) return 'less than a second';
  if (seconds < 60) return `about ${Math.ceil(seconds)} ${Math.ceil(seconds) === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min`;
}

/** Time left, estimated from the share of the file read so far; null before there is anything to go on. */
function timeLeft(run: ImportRun, seconds: number): string | null {
  if (run.status !== 'running' || run.bytesRead <= 0 || seconds <= 0 || !run.size) return null;
  return roughly(((run.size - run.bytesRead) * seconds) / run.bytesRead);
}

function summaryRows(c: ImportRun['counts']) {
  const rows = [
    { label: 'Read', value: n(c.read), hint: 'records in the file, good or bad' },
    { label: 'Added', value: n(c.added), hint: 'new to the catalogue' },
    { label: 'Updated', value: n(c.updated), hint: 'already there, and changed' },
    { label: 'Unchanged', value: n(c.unchanged), hint: 'already there, exactly as in the file' },
    { label: 'Rejected', value: n(c.rejected), hint: 'not imported: see why below' },
    { label: 'Warned', value: n(c.warnings), hint: 'warnings about records that were imported' },
  ];
  if (c.duplicates) rows.push({ label: 'Replaced', value: n(c.duplicates), hint: 'by a later record with the same id in the file' });
  return rows;
}

const STATUS = { running: 'Running', finished: 'Finished', failed: 'Failed' } as const;

export function importRunView(run: ImportRun): ImportRunView {
  const href = `/librarian/import/${encodeURIComponent(run.id)}`;
  const seconds = ((run.finishedAt ?? run.updatedAt) - run.startedAt) / 1000;
  const title = `${run.fileName}${run.format ? ` (${FORMAT_LABELS[run.format]})` : ''}`;
  const perSecond = seconds > 0 ? Math.round(run.counts.read / seconds) : 0;
  return {
    id: run.id,
    href,
    rejectsHref: `${href}/rejects.csv`,
    fileName: run.fileName,
    format: run.format ? FORMAT_LABELS[run.format] : 'Not recognised yet',
    card: run.card,
    running: run.status === 'running',
    failed: run.status === 'failed',
    status: STATUS[run.status],
    started: when(run.startedAt),
    finished: run.finishedAt === null ? null : when(run.finishedAt),
    read: run.counts.read,
    rejected: run.counts.rejected,
    counts: run.counts,
    problems: run.counts.rejected + run.counts.warnings + run.counts.duplicates,
    percent: run.size ? Math.min(100, Math.floor((100 * run.bytesRead) / run.size)) : 0,
    title,
    summary: run.status === 'running' ? null : summaryRows(run.counts),
    speed: `${n(perSecond)} records a second`,
    timeLeft: timeLeft(run, seconds),
    error: run.error,
  };
}
