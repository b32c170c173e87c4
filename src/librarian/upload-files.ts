import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Where console uploads wait for their import: one folder, each file named by the process that owns it. */
export const UPLOAD_DIR = path.join(os.tmpdir(), 'shelfmark-uploads');

/** A fresh path for an upload by this process (`<pid>-<uuid>`), so a later boot can tell whose it was. */
export function newUploadPath(dir = UPLOAD_DIR): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, `${process.pid}-${randomUUID()}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At boot: removes uploads left by a process that died (kill -9, out of
 * memory) before its import could delete them. A file of this process's own
 * pid is from an earlier process that had it: this one has uploaded nothing yet.
 */
export async function removeOrphanUploads(dir = UPLOAD_DIR): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || !alive(pid)) {
      await rm(path.join(dir, name), { force: true, recursive: true });
      removed++;
    }
  }
  return removed;
}
