import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { configure, migrate } from '../../src/storage/embedded/schema.js';

/** A connection to a new store file in a directory of its own, set up as the store sets up its own; both go when the test ends. */
export function storeConnection(t: import('node:test').TestContext): Database.Database {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-store-'));
  const db = new Database(path.join(dataDir, 'shelfmark.db'));
  configure(db);
  migrate(db);
  t.after(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return db;
}
