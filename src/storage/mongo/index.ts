import type { Store } from '../store.js';
import { createBasketStore } from './basket-store.js';
import { connectWithRetry, type ConnectOptions } from './connect.js';
import { checkIndexes, migrate } from './migrate.js';
import { createRecordStore, type SearchEngine } from './record-store.js';
import { createSessionStore } from './session-store.js';
import { createMemberStore } from './member-store.js';
import { createLoginAttemptStore } from './login-attempt-store.js';
import { createReservationStore } from './reservation-store.js';
import { createLoanStore } from './loan-store.js';
import { createAuditStore } from './audit-store.js';
import { createSearchLogStore } from './search-log-store.js';
import { createVisitStore } from './visit-store.js';
import { createListStore } from './list-store.js';
import { createImportRunStore } from './import-run-store.js';
import { createSendLimitStore } from './send-limit-store.js';

export interface MongoStoreOptions extends ConnectOptions {
  /** `mongodb://` or `mongodb+srv://`; the database is the URL's path unless `dbName` is given. */
  url: string;
  dbName?: string;
  /** `atlas`: search with MongoDB Search (`$search`); otherwise the `$text` index. */
  search?: SearchEngine;
}

/**
 * Connects (with a bounded retry), checks that `npm run db:migrate` has built
 * the indexes this version needs, and returns the MongoDB store. It never
 * builds them itself, so instances may boot at the same time.
 */
export async function openMongoStore(options: MongoStoreOptions): Promise<Store> {
  const client = await connectWithRetry(options.url, options);
  const db = client.db(options.dbName);
  const engine = options.search ?? 'text';
  try {
    await checkIndexes(db, engine);
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    kind: 'mongodb',
    records: createRecordStore(db, engine),
    sessions: createSessionStore(db),
    baskets: createBasketStore(db),
    members: createMemberStore(db),
    loginAttempts: createLoginAttemptStore(db),
    reservations: createReservationStore(db),
    loans: createLoanStore(db),
    audit: createAuditStore(db),
    searchLog: createSearchLogStore(db),
    visits: createVisitStore(db),
    lists: createListStore(db),
    imports: createImportRunStore(db),
    sendLimits: createSendLimitStore(db),
    async ping() {
      await db.command({ ping: 1 });
    },
    async close() {
      await client.close();
    },
  };
}

/** `npm run db:migrate`: connects, builds or rebuilds what differs from the wanted indexes, and closes. Returns how many changed. */
export async function migrateMongoStore(options: MongoStoreOptions, say: (line: string) => void): Promise<number> {
  const client = await connectWithRetry(options.url, options);
  try {
    return await migrate(client.db(options.dbName), options.search ?? 'text', say);
  } finally {
    await client.close();
  }
}
