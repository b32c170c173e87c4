import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import { ROWS_PER_STEP } from '../../src/storage/embedded/delete-in-steps.js';
import type { Store } from '../../src/storage/store.js';

/**
 * Purges of many rows go in steps of ROWS_PER_STEP, each its own transaction,
 * with a turn of the event loop between them: what was deleted is what one
 * statement would have deleted, and a callback queued while a purge runs is
 * called before the purge ends (one statement ended before any could run).
 */
const NOW = 1_800_000_000_000;

async function withStore(t: import('node:test').TestContext): Promise<Store> {
  const store = await openEmbeddedStore({ file: ':memory:' });
  t.after(() => store.close());
  return store;
}

/** Runs `purge`, and says whether a callback queued just after it started ran before it ended. */
async function tookTurns<T>(purge: () => Promise<T>): Promise<{ result: T; turnBetween: boolean }> {
  const order: string[] = [];
  const running = purge().then((result) => {
    order.push('purge');
    return result;
  });
  setImmediate(() => order.push('turn'));
  const result = await running;
  await new Promise((resolve) => setImmediate(resolve));
  return { result, turnBetween: order[0] === 'turn' };
}

test('expired visits and their baskets are purged in steps, live ones kept whole', async (t) => {
  const store = await withStore(t);
  const ids = Array.from({ length: 400 }, (_, i) => `r${i}`);
  // Five ended visits of 400 items each: four steps of basket rows, then one of visits.
  for (let v = 0; v < 5; v++) await store.baskets.add(`ended-${v}`, ids, 1_000, NOW - 1);
  await store.baskets.add('live', ids.slice(0, 3), 1_000, NOW + 60_000);
  const { result, turnBetween } = await tookTurns(() => store.sessions.purgeExpired(NOW));
  assert.equal(result, 5, 'the five ended visits');
  assert.ok(turnBetween, 'the event loop took a turn during the purge');
  for (let v = 0; v < 5; v++) assert.equal(await store.baskets.count(`ended-${v}`), 0);
  assert.deepEqual(await store.baskets.list('live'), ['r0', 'r1', 'r2']);
  assert.equal(await store.sessions.purgeExpired(NOW), 0);
});

test('more ended visits than one step holds are all purged', async (t) => {
  const store = await withStore(t);
  const visits = ROWS_PER_STEP * 2 + 7;
  for (let v = 0; v < visits; v++) await store.sessions.set(`ended-${v}`, {}, NOW - 1);
  await store.sessions.set('live', {}, NOW + 1);
  const { result, turnBetween } = await tookTurns(() => store.sessions.purgeExpired(NOW));
  assert.equal(result, visits);
  assert.ok(turnBetween);
  assert.notEqual(await store.sessions.get('live', NOW), null);
});

test('the audit and search logs are trimmed in steps too', async (t) => {
  const store = await withStore(t);
  const rows = ROWS_PER_STEP * 2 + 3;
  for (let i = 0; i < rows; i++) {
    await store.audit.append({ at: NOW - 10 - (i % 5), memberId: null, card: `c${i}`, action: 'login-failed', target: 'x' });
    await store.searchLog.append({ at: NOW - 120_000, query: `q${i}`, filters: [], results: 1, page: 1, kind: 'typed' });
  }
  await store.audit.append({ at: NOW, memberId: null, card: 'kept', action: 'login-failed', target: 'x' });
  await store.searchLog.append({ at: NOW, query: 'kept', filters: [], results: 1, page: 1, kind: 'typed' });
  const audit = await tookTurns(() => store.audit.deleteOlderThan(NOW));
  assert.deepEqual(audit, { result: rows, turnBetween: true });
  const searches = await tookTurns(() => store.searchLog.deleteOlderThan(NOW - 60_000));
  assert.deepEqual(searches, { result: rows, turnBetween: true });
  assert.deepEqual((await store.audit.list({}, 0, 10)).entries.map((e) => e.card), ['kept']);
  assert.deepEqual((await store.searchLog.list(0, NOW + 60_000)).map((e) => e.query), ['kept']);
});
