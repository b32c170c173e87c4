import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CatalogueRecord } from '../catalogue/record.js';
import type { Store, UpsertCounts } from '../storage/store.js';

/** The demo catalogue shipped in `seed/`, resolved from this file so the cwd does not matter. */
export const DEMO_CATALOGUE_PATH = fileURLToPath(new URL('../../seed/demo-catalogue.json', import.meta.url));

const BATCH_SIZE = 1000;

/**
 * Load `seed/demo-catalogue.json` (a JSON array of CatalogueRecord) into the
 * store in batches; the server calls this on first start when the store is empty.
 */
export async function loadDemoCatalogue(store: Store): Promise<UpsertCounts> {
  const records = JSON.parse(await readFile(DEMO_CATALOGUE_PATH, 'utf8')) as CatalogueRecord[];
  if (!Array.isArray(records)) throw new Error(`${DEMO_CATALOGUE_PATH} must hold a JSON array of records`);
  const total: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < records.length; i += BATCH_SIZE) {
    const counts = await store.records.upsertMany(records.slice(i, i + BATCH_SIZE));
    total.added += counts.added;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
  }
  return total;
}
