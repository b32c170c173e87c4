import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';
import { loadConfig } from '../../src/config/config.js';
import { purgeOldSearches } from '../../src/catalogue/search-log.js';

const DAY = 24 * 60 * 60_000;

describe('how long the search log is kept', () => {
  it('keeps searches 365 days by default, and SEARCH_LOG_RETENTION_DAYS changes it', () => {
    assert.equal(loadConfig({}).SEARCH_LOG_RETENTION_DAYS, 365);
    assert.equal(loadConfig({ SEARCH_LOG_RETENTION_DAYS: '30' }).SEARCH_LOG_RETENTION_DAYS, 30);
    assert.throws(() => loadConfig({ SEARCH_LOG_RETENTION_DAYS: '0' }));
  });

  it('deletes, in the housekeeping purge, searches older than the retention period and keeps the rest', async (t) => {
    const built = await build(t);
    const now = built.clock.now;
    const entry = { query: 'emma', filters: [], results: 1, page: 1, kind: 'typed' as const };
    await built.store.searchLog.append({ ...entry, at: now - 366 * DAY });
    await built.store.searchLog.append({ ...entry, at: now - 364 * DAY });
    assert.equal(await purgeOldSearches(built.store, built.config.SEARCH_LOG_RETENTION_DAYS, now), 1);
    assert.deepEqual((await built.store.searchLog.list(0, now)).map((e) => e.at), [now - 364 * DAY]);
  });

  it('says on the privacy page how long searches are kept', async (t) => {
    const built = await build(t, { env: { SEARCH_LOG_RETENTION_DAYS: '200' } });
    const res = await built.request().get('/privacy');
    assert.match(res.text, /searches are deleted after 200 days/);
  });
});
