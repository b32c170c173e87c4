import { formatSummary } from '../import/summary.js';
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
  problems: number;
  percent: number;
  /** The end-of-run summary, word for word as `npm run seed` prints it. */
  summary: string | null;
  error: string | null;
}

const STATUS = { running: 'Running', finished: 'Finished', failed: 'Failed' } as const;

export function importRunView(run: ImportRun): ImportRunView {
  const href = `/librarian/import/${encodeURIComponent(run.id)}`;
  const seconds = ((run.finishedAt ?? run.updatedAt) - run.startedAt) / 1000;
  const title = `${run.fileName}${run.format ? ` (${FORMAT_LABELS[run.format]})` : ''}`;
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
    problems: run.counts.rejected + run.counts.warnings + run.counts.duplicates,
    percent: run.size ? Math.min(100, Math.floor((100 * run.bytesRead) / run.size)) : 0,
    summary: run.status === 'running' ? null : formatSummary(title, run.counts, seconds),
    error: run.error,
  };
}
