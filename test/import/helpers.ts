import { mkdtempSync, rmSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { Writable } from 'node:stream';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { Store } from '../../src/storage/store.js';
import type { ReadItem, Reader } from '../../src/import/types.js';

/** Path of a fixture in test/import/fixtures. */
export const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

/** The shared third-party MARC files (../shared/marc beside the repository), when present. */
export const SHARED_MARC = fileURLToPath(new URL('../../../shared/marc/', import.meta.url));

/** Every item a reader yields for a fixture. */
export async function readAll(reader: Reader, file: string): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of reader(createReadStream(file), path.basename(file))) items.push(item);
  return items;
}

/** A fresh embedded store in its own temp dir, closed and removed after the test. */
export async function freshStore(t: TestContext): Promise<{ store: Store; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shelfmark-import-'));
  const store = await openEmbeddedStore({ dataDir });
  t.after(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { store, dataDir };
}

/** A writable that keeps what was written, for the CLI's stdout and stderr. */
export function captured(): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
  return Object.assign(stream, { text: () => chunks.join('') });
}

export const okRecords = (items: ReadItem[]) => items.flatMap((i) => (i.ok === true ? [i.record] : []));
export const rejects = (items: ReadItem[]) => items.flatMap((i) => (i.ok === false ? [i] : []));
