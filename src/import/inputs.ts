import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UnreadableFileError } from './types.js';

/** The files to import: the file itself, or every visible file in a folder in name order. */
export async function resolveInputs(target: string): Promise<{ files: string[]; folder: boolean }> {
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableFileError(explain(error, target));
  });
  if (!info.isDirectory()) return { files: [target], folder: false };
  const names = (await readdir(target, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(target, e.name))
    .sort();
  if (!names.length) throw new UnreadableFileError(`the folder ${target} has no files in it`);
  return { files: names, folder: true };
}

/** A file-system error in words a librarian can act on. */
export function explain(error: NodeJS.ErrnoException, file: string): string {
  if (error.code === 'ENOENT') return `${file} does not exist: check the name and folder`;
  if (error.code === 'EACCES' || error.code === 'EPERM') return `${file} cannot be read: permission denied (ask whoever manages this machine)`;
  if (error.code === 'EISDIR') return `${file} is a folder`;
  return `${file} cannot be read: ${error.message}`;
}
