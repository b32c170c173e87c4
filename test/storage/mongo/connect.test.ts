import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseUnreachable, hostsOf } from '../../../src/storage/mongo/connect.js';
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
