import type { Db, IndexDescription } from 'mongodb';
import type { Store } from '../store.js';
import { createBasketStore } from './basket-store.js';
import { connectWithRetry, type ConnectOptions } from './connect.js';
import { createRecordStore, RECORD_INDEXES } from './record-store.js';
import { SESSION_INDEXES } from './session-document.js';
import { createSessionStore } from './session-store.js';
import { createMemberStore, MEMBER_INDEXES } from './member-store.js';
import { createLoginAttemptStore, LOGIN_ATTEMPT_INDEXES } from './login-attempt-store.js';
import { createReservationStore, RESERVATION_INDEXES } from './reservation-store.js';
import { createLoanStore, LOAN_INDEXES } from './loan-store.js';
import { AUDIT_INDEXES, createAuditStore } from './audit-store.js';
import { createSearchLogStore, SEARCH_LOG_INDEXES } from './search-log-store.js';
import { createVisitStore, VISIT_INDEXES } from './visit-store.js';
import { createListStore, LIST_INDEXES } from './list-store.js';
import { createImportRunStore, IMPORT_PROBLEM_INDEXES, IMPORT_RUN_INDEXES } from './import-run-store.js';
import { createSendLimitStore, SEND_LIMIT_INDEXES } from './send-limit-store.js';

export interface MongoStoreOptions extends ConnectOptions {
  /** `mongodb://` or `mongodb+srv://`; the database is the URL's path unless `dbName` is given. */
  url: string;
  dbName?: string;
}

/** Every collection with its indexes; a new collection adds one line here and one file beside it. */
const INDEXES: Record<string, IndexDescription[]> = {
  records: RECORD_INDEXES,
  sessions: SESSION_INDEXES,
  members: MEMBER_INDEXES,
  loginAttempts: LOGIN_ATTEMPT_INDEXES,
  reservations: RESERVATION_INDEXES,
  loans: LOAN_INDEXES,
  audit: AUDIT_INDEXES,
  searchLog: SEARCH_LOG_INDEXES,
  visits: VISIT_INDEXES,
  lists: LIST_INDEXES,
  importRuns: IMPORT_RUN_INDEXES,
  importProblems: IMPORT_PROBLEM_INDEXES,
  sendLimits: SEND_LIMIT_INDEXES,
};

/** createIndexes is a no-op for an index that already exists with the same options, so every boot may run it. */
async function ensureIndexes(db: Db): Promise<void> {
  for (const [name, indexes] of Object.entries(INDEXES)) await db.collection(name).createIndexes(indexes);
}

/** Connects (with a bounded retry), makes sure the indexes exist, and returns the MongoDB store. */
export async function openMongoStore(options: MongoStoreOptions): Promise<Store> {
  const client = await connectWithRetry(options.url, options);
  const db = client.db(options.dbName);
  try {
    await ensureIndexes(db);
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    kind: 'mongodb',
    records: createRecordStore(db),
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
