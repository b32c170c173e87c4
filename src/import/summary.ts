import { OTHER_LOCATIONS } from '../branches/branch-registry.js';
import type { UnmappedLocations } from './assign-branches.js';
import type { ImportCounts } from '../storage/import-run-store.js';

/** The end-of-run summary a librarian reads: read, added, updated, unchanged, rejected, time, records/s. */
export function formatSummary(title: string, counts: ImportCounts, seconds: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const lines = [
    title,
    `  read      ${n(counts.read)}`,
    `  added     ${n(counts.added)}`,
    `  updated   ${n(counts.updated)}`,
    `  unchanged ${n(counts.unchanged)}`,
    `  rejected  ${n(counts.rejected)}`,
  ];
  if (counts.duplicates) lines.push(`  replaced by a later record with the same id: ${n(counts.duplicates)}`);
  if (counts.warnings) lines.push(`  warnings  ${n(counts.warnings)} (records imported; see the messages above or the --rejects report)`);
  lines.push(`  time      ${seconds.toFixed(1)} s`, `  speed     ${n(Math.round(counts.read / Math.max(seconds, 0.001)))} records/s`);
  return lines.join('\n');
}

/** Add one file's counts into the total. */
export function addCounts(total: ImportCounts, more: ImportCounts): void {
  for (const key of Object.keys(total) as (keyof ImportCounts)[]) total[key] += more[key];
}

/** The locations the branch registry did not know, most copies first, with where to add them. */
export function formatUnmapped(unmapped: UnmappedLocations, registryPath: string): string {
  const rows = [...unmapped].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const copies = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'copy' : 'copies'}`;
  return [
    `  locations not in the branch registry (${registryPath}); their copies are kept under "${OTHER_LOCATIONS}":`,
    ...rows.map(([location, n]) => `    ${copies(n).padStart(12)}  ${location}`),
  ].join('\n');
}
