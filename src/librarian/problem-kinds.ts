import type { ImportProblem } from '../storage/import-run-store.js';

/** Examples kept per kind on the run page; the CSV has every line. */
export const EXAMPLES_PER_KIND = 3;

/** One example of a kind of problem, as the run page lists it. */
export interface ProblemExample { recordNumber: number; recordId: string; field: string; reason: string }

/** All the problems of one kind in a run: how many, and the first few. */
export interface ProblemKind { kind: 'rejected' | 'warning'; label: string; count: number; examples: ProblemExample[] }

/** The MARC field (and subfield) a message is about, when it names one: "245 $a", "856", "holdings". */
export function problemField(reason: string): string {
  const named = /(?:^|field |: |no |for )(\d{3})\b(?: \$([0-9a-z]))?/.exec(reason.replace(/^line \d+: /, ''));
  if (named) return named[2] ? `${named[1]} $${named[2]}` : named[1]!;
  if (reason.startsWith('location "')) return 'location';
  if (reason.startsWith('same id') || reason.startsWith('no record id')) return 'id';
  if (reason.startsWith('holdings record')) return 'holdings';
  if (/\bleader\b/.test(reason)) return 'leader';
  if (/\bdirectory\b/.test(reason)) return 'directory';
  return '';
}

/**
 * What kind of problem a message describes: the message with the parts that
 * differ between records (quoted values, numbers, line positions, the record
 * a holdings record is for) taken out, so "020 $a "12" is not a valid ISBN"
 * and "020 $a "34" is not a valid ISBN" are one kind.
 */
export function problemLabel(reason: string): string {
  return reason
    .replace(/^line \d+: /, '')
    .replace(/^holdings record (?:for )?[^:]+: /, 'holdings record: ')
    .replace(/“[^”]*”|"[^"]*"/g, '"…"')
    .replace(/\(positions [^)]*\)/g, '')
    .replace(/(?<![-\w])\d+(?:\.\d+)?\b(?! ?\$)/g, (n, offset: number, whole: string) => (/^\d{3}$/.test(n) && /(^|field |: |for )$/.test(whole.slice(0, offset)) ? n : 'N'))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Groups a run's problems by kind, rejects first, each kind by how often it
 * happened, with the first few examples of each in file order.
 */
export function groupProblems(problems: Iterable<ImportProblem>): ProblemKind[] {
  const groups = new Map<string, ProblemKind>();
  for (const p of problems) {
    const label = problemLabel(p.reason);
    const key = `${p.kind}\u0000${label}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: p.kind, label, count: 0, examples: [] }));
    group.count++;
    if (group.examples.length < EXAMPLES_PER_KIND) {
      group.examples.push({ recordNumber: p.recordNumber, recordId: p.recordId ?? '', field: problemField(p.reason), reason: p.reason });
    }
  }
  return [...groups.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'rejected' ? -1 : 1) || b.count - a.count || a.label.localeCompare(b.label));
}
