import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import type { Store } from '../../src/storage/store.js';

describe('/healthz', () => {
  it('says ok, and nothing more, while the store answers', async (t) => {
    const { request } = await build(t);
    const res = await request().get('/healthz').expect(200);
    assert.equal(res.text, 'ok\n');
    assert.match(res.headers['content-type']!, /^text\/plain/);
  });

  it('says unavailable to the public and logs what went wrong, host names and all', async (t) => {
    const logs = memoryLogger();
    const { request } = await build(t, {
      logger: logs.logger,
      wrapStore: (store: Store) => ({ ...store, ping: async () => { throw new Error('connect ECONNREFUSED db1.internal.example:27017'); } }),
    });
    const res = await request().get('/healthz').expect(503);
    assert.equal(res.text, 'unavailable\n');
    assert.equal(res.text.includes('db1'), false);
    assert.ok(logs.text().includes('db1.internal.example'), 'the detail is in the log');
  });
});
