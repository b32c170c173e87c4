import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { Store } from '../../src/storage/store.js';
import { runStoreContract } from './contract.js';

const dirs: string[] = [];
const dirOf = new WeakMap<Store, string>();

after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function openIn(dataDir: string): Promise<Store> {
  const store = await openEmbeddedStore({ dataDir });
  dirOf.set(store, dataDir);
  return store;
}

runStoreContract(
  'embedded',
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
