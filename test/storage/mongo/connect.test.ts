import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoClient, type Collection, type CollectionOptions, type Db } from 'mongodb';
import { createBasketStore } from '../../../src/storage/mongo/basket-store.js';
import { createRecordStore } from '../../../src/storage/mongo/record-store.js';
import { createSessionStore } from '../../../src/storage/mongo/session-store.js';
import { DatabaseUnreachable, hostsOf, servingOptions } from '../../../src/storage/mongo/connect.js';
import { openMongoStore } from '../../../src/storage/mongo/index.js';

describe('MongoDB connection', () => {
  it('names only the hosts of a URL, never the user or password', () => {
    assert.equal(hostsOf('mongodb://shelf:s3cr%40t@db1:27017,db2:27017/shelfmark?replicaSet=rs0'), 'db1:27017,db2:27017');
    assert.equal(hostsOf('mongodb+srv://shelf:pw@cluster0.example.net/shelfmark'), 'cluster0.example.net');
    assert.equal(hostsOf('mongodb://localhost'), 'localhost');
  });

  // The test's own timeout is the bound: two attempts of 200 ms and one pause must end well inside it.
  it('gives up on a database that cannot be reached, with a clear message, after the bounded retry', { timeout: 5000 }, async () => {
    await assert.rejects(
      openMongoStore({ url: 'mongodb://shelf:hunter22@127.0.0.1:1/x', serverSelectionTimeoutMS: 200, attempts: 2, retryDelayMs: 50 }),
      (error: Error) => {
        assert.ok(error instanceof DatabaseUnreachable);
        assert.match(error.message, /^Cannot reach MongoDB at 127\.0\.0\.1:1 after 2 attempt/);
        assert.doesNotMatch(error.message, /hunter22/);
        return true;
      },
    );
  });

  // A retry would wait a minute between attempts, past the test's timeout.
  it('refuses a malformed URL at once instead of retrying it', { timeout: 5000 }, async () => {
    await assert.rejects(openMongoStore({ url: 'mongodb://127.0.0.1:1/x?notAnOption=1', attempts: 3, retryDelayMs: 60_000 }),
      /MONGODB_URL for 127\.0\.0\.1:1 is not valid/);
  });
});

describe('MongoDB options for failover', () => {
  const url = 'mongodb://db1,db2,db3/shelfmark?replicaSet=rs0&retryReads=false&retryWrites=false&readPreference=secondaryPreferred';

  it('serves with the driver’s default timeouts and retried reads and writes, whatever the URL says', () => {
    const client = new MongoClient(url, servingOptions());
    assert.equal(client.options.retryReads, true);
    assert.equal(client.options.retryWrites, true);
    assert.equal(client.options.serverSelectionTimeoutMS, 30_000, 'long enough to ride out an election');
  });

  it('reads sessions and baskets from the primary even when the URL prefers secondaries', () => {
    const db = new MongoClient(url, servingOptions()).db();
    const opened: Collection[] = [];
    const watched = Object.assign(Object.create(db) as Db, {
      collection: (name: string, options?: CollectionOptions) => opened[opened.push(db.collection(name, options)) - 1],
    });
    createSessionStore(watched);
    createBasketStore(watched);
    createRecordStore(watched);
    assert.deepEqual(opened.map((c) => [c.collectionName, c.readPreference?.mode]), [
      ['sessions', 'primary'], ['sessions', 'primary'], ['records', 'secondaryPreferred'], ['catalogueMeta', 'secondaryPreferred'],
    ]);
  });
});
