import { fileURLToPath } from 'node:url';
import type { Store, UpsertCounts } from '../storage/store.js';
import { DEMO_BRANCHES_PATH, loadBranchRegistry } from '../branches/branch-registry-file.js';
import { importFile } from './import-file.js';

/** The demo catalogue shipped in `seed/`, resolved from this file so the cwd does not matter. */
export const DEMO_CATALOGUE_PATH = fileURLToPath(new URL('../../seed/demo-catalogue.json', import.meta.url));

/**
 * Load `seed/demo-catalogue.json` (a JSON array of CatalogueRecord) through
 * the JSON importer, in batches; the server calls this on first start when
 * the store is empty. A demo record that fails validation is a bug in the
 * seed, so it stops the load rather than being skipped.
 */
export async function loadDemoCatalogue(store: Pick<Store, 'records'>): Promise<UpsertCounts> {
  const problems: string[] = [];
  const { counts } = await importFile(DEMO_CATALOGUE_PATH, store, {
    onProblem: (p) => problems.push('kind' in p ? p.message : `record ${p.position.recordNumber}: ${p.reason}`),
  }, 'json', { branches: await loadBranchRegistry(DEMO_BRANCHES_PATH), unmapped: new Map() });
  if (counts.rejected) throw new Error(`${DEMO_CATALOGUE_PATH} has invalid records: ${problems.join('; ')}`);
  return { added: counts.added, updated: counts.updated, unchanged: counts.unchanged };
}
