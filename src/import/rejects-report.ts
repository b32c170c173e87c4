import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { SourcePosition } from './types.js';
import { csvLine } from '../csv/csv.js';

/** One line of the report: a rejected record, or a warning about one that was imported. */
export interface Problem {
  kind: 'rejected' | 'warning';
  position: SourcePosition;
  id?: string;
  reason: string;
}

/**
 * The `--rejects` report: CSV (opens in any spreadsheet) with file, record
 * number, byte offset, line, id, kind and reason.
 */
export class RejectsReport {
  private constructor(private readonly out: WriteStream) {}

  static async open(path: string): Promise<RejectsReport> {
    const out = createWriteStream(path);
    await once(out, 'open');
    out.write(csvLine(['file', 'record', 'byte_offset', 'line', 'id', 'kind', 'reason']));
    return new RejectsReport(out);
  }

  write(problem: Problem): void {
    const p = problem.position;
    const cells = [p.file, p.recordNumber, p.byteOffset ?? '', p.line ?? '', problem.id ?? '', problem.kind, problem.reason];
    this.out.write(csvLine(cells));
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** One problem as a line for the terminal. */
export function describeProblem(problem: Problem): string {
  const p = problem.position;
  const where = [`record ${p.recordNumber}`, p.byteOffset !== undefined ? `byte offset ${p.byteOffset}` : '', p.line !== undefined ? `line ${p.line}` : '']
    .filter(Boolean)
    .join(', ');
  return `${problem.kind === 'rejected' ? 'Rejected' : 'Warning'}: ${p.file}, ${where}${problem.id ? ` (id ${problem.id})` : ''}: ${problem.reason}`;
}
