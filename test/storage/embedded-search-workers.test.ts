import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { Store } from '../../src/storage/store.js';
import { runStoreContract } from './contract.js';

// The whole contract again, with every search answered by a worker thread on its own read-only connection.
const dirs: string[] = [];
const dirOf = new WeakMap<Store, string>();

after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function openIn(dataDir: string): Promise<Store> {
  const store = await openEmbeddedStore({ dataDir, searchWorkers: 1 });
  dirOf.set(store, dataDir);
  return store;
}

runStoreContract(
  'embedded, searching on a worker thread',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-store-'));
    dirs.push(dir);
    return openIn(path.join(dir, 'data'));
  },
  async (store) => {
    const dataDir = dirOf.get(store)!;
    await store.close();
    return openIn(dataDir);
  },
);
