import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { Store } from '../../src/storage/store.js';
import { runStoreContract } from './contract.js';

/** The store contract on a fresh embedded store in a temp dir, reopened on the same dir for the restart section. */
export function runEmbeddedContract(name: string, options: { searchWorkers?: number; searchBudgetMs?: number } = {}): void {
  const dirs: string[] = [];
  const dirOf = new WeakMap<Store, string>();
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openIn(dataDir: string): Promise<Store> {
    const store = await openEmbeddedStore({ ...options, dataDir });
    dirOf.set(store, dataDir);
    return store;
  }

  runStoreContract(
    name,
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-store-'));
      dirs.push(dir);
      // A data dir that does not exist yet, to prove the store creates it.
      return openIn(path.join(dir, 'data'));
    },
    async (store) => {
      const dataDir = dirOf.get(store)!;
      await store.close();
      return openIn(dataDir);
    },
  );
}
