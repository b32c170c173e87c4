import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { MongoClient } from 'mongodb';
import { migrateMongoStore, openMongoStore } from '../../src/storage/mongo/index.js';
import type { Store } from '../../src/storage/store.js';
import { runStoreContract } from './contract.js';

const url = process.env.MONGODB_URL;

if (!url) {
  describe('mongodb store contract', () => {
    it('runs against a real server', { skip: 'MONGODB_URL is not set, so there is no MongoDB server to run the contract against' }, () => {});
  });
} else {
  // A fresh database per run, dropped before each test and at the end, so a shared server is left as it was found.
  const dbName = `shelfmark_test_${randomUUID().slice(0, 8)}`;
  const options = { url, dbName, serverSelectionTimeoutMS: 5000, attempts: 1 };
  // The server refuses a database without its indexes, as in production: each fresh database is migrated first.
  const open = async () => {
    await migrateMongoStore(options, () => {});
    return openMongoStore(options);
  };

  // Reach the server once up front: if it is not there, one failure says so instead of every test timing out.
  const unreachable = await open().then((store) => store.close().then(() => null), (error: Error) => error);
  const admin = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });

  after(async () => {
    if (!unreachable) await admin.db(dbName).dropDatabase();
    await admin.close();
  });

  if (unreachable) {
    it('mongodb store contract: reach MONGODB_URL', () => {
      throw unreachable;
    });
  } else {
    runStoreContract(
      'mongodb',
      async (): Promise<Store> => {
        await admin.db(dbName).dropDatabase();
        return open();
      },
      async (store) => {
        await store.close();
        return open();
      },
    );
  }
}
