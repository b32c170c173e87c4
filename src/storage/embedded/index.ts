import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { createBasketStore } from './baskets.js';
import { createRecordStore } from './records.js';
import { configure, migrate } from './schema.js';
import { createSessionStore } from './sessions.js';
import { createMemberStore } from './members.js';
import { createLoginAttemptStore } from './login-attempts.js';
import { createReservationStore } from './reservations.js';
import { createLoanStore } from './loans.js';
import { createAuditStore } from './audit.js';
import { createSearchLogStore } from './search-log.js';
import { createVisitStore } from './visits.js';
import { createListStore } from './lists.js';
import { createImportRunStore } from './import-runs.js';
import { createSendLimitStore } from './send-limits.js';

/** Where the embedded store lives: a data directory (the file is shelfmark.db in it), or memory for throwaway use. */
export type EmbeddedStoreOptions = { dataDir: string } | { file: ':memory:' };

/** Opens (creating if needed) the SQLite store and brings its schema up to date. */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<Store> {
  let file: string = ':memory:';
  if ('dataDir' in options) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, 'shelfmark.db');
  }
  const db = new Database(file);
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const ping = db.prepare('SELECT 1').pluck();

  return {
    kind: 'embedded',
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
      ping.get();
    },
    async close() {
      if (!db.open) return;
      // Lets SQLite refresh planner statistics for the tables this connection used.
      db.pragma('optimize');
      db.close();
    },
  };
}
