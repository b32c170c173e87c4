import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Store } from './store.js';

/**
 * Choose the adapter once, at boot: MongoDB when MONGODB_URL is set,
 * otherwise the embedded SQLite store in DATA_DIR. The MongoDB driver is
 * only loaded when it is used.
 */
export async function openStore(
  config: Pick<Config, 'DATA_DIR' | 'MONGODB_URL'> & Partial<Pick<Config, 'MONGODB_SEARCH'>>,
  /** Given by the server: searches then run on worker threads; command-line tools search on their own thread. */
  search?: Pick<Config, 'SEARCH_WORKERS' | 'SEARCH_TIME_BUDGET_MS'>,
): Promise<Store> {
  if (config.MONGODB_URL) {
    const { openMongoStore } = await import('./mongo/index.js');
    return openMongoStore({ url: config.MONGODB_URL, search: config.MONGODB_SEARCH });
  }
  const { openEmbeddedStore } = await import('./embedded/index.js');
  return openEmbeddedStore({
    dataDir: path.resolve(config.DATA_DIR),
    searchWorkers: search?.SEARCH_WORKERS ?? 0,
    searchBudgetMs: search?.SEARCH_TIME_BUDGET_MS,
  });
}
