import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBranchRegistry, formatBranchRegistry, type Branch } from './branch-registry.js';

/** An edit that would make the registry ambiguous or empty-named; the message says which. */
export class BranchEditRefused extends Error {}

const key = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Every code, name and alias must stand for one branch only: a location is never resolved two ways. */
function checkUnique(branches: Branch[]): void {
  const seen = new Map<string, string>();
  for (const b of branches) {
    for (const name of new Set([b.code, b.name, ...b.aliases].map(key))) {
      const other = seen.get(name);
      if (other !== undefined && other !== b.code) throw new BranchEditRefused(`“${name}” already stands for the branch with code ${other}.`);
      seen.set(name, b.code);
    }
  }
}

const clean = (text: unknown) => (typeof text === 'string' ? text.trim().replace(/\s+/g, ' ').slice(0, 100) : '');
/** Aliases as typed: one per line or comma-separated. */
export const aliasList = (text: unknown) => [...new Set(clean(typeof text === 'string' ? text.replace(/[\n,]+/g, ',') : '').split(',').map((a) => a.trim()).filter(Boolean))];

/** Adds a branch; returns the new list. */
export function addBranch(branches: readonly Branch[], fields: { code: unknown; name: unknown; aliases?: unknown }): Branch[] {
  const branch = { code: clean(fields.code), name: clean(fields.name), aliases: aliasList(fields.aliases) };
  if (!branch.code || !branch.name) throw new BranchEditRefused('A branch needs a code and a name.');
  const next = [...branches, branch];
  checkUnique(next);
  return next;
}

/** Renames a branch or replaces its aliases; its code stays, since imports already hold it. */
export function updateBranch(branches: readonly Branch[], code: string, fields: { name: unknown; aliases: unknown }): Branch[] {
  if (!branches.some((b) => b.code === code)) throw new BranchEditRefused(`There is no branch with code ${code}.`);
  const name = clean(fields.name);
  if (!name) throw new BranchEditRefused('A branch needs a name.');
  const next = branches.map((b) => (b.code === code ? { ...b, name, aliases: aliasList(fields.aliases) } : b));
  checkUnique(next);
  return next;
}

/** Maps a location found in an import to an existing branch, as one more alias of it. */
export function mapLocation(branches: readonly Branch[], location: string, code: string): Branch[] {
  const target = branches.find((b) => b.code === code);
  if (!target) throw new BranchEditRefused(`There is no branch with code ${code}.`);
  return updateBranch(branches, code, { name: target.name, aliases: [...target.aliases, clean(location)].join(',') });
}

/**
 * Writes the registry whole to a temporary file beside `file` and renames it
 * into place, so a reader (an import starting) never sees half a file.
 */
export async function saveBranches(file: string, branches: Branch[]): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, formatBranchRegistry(createBranchRegistry(branches)));
  await rename(temp, file);
}
