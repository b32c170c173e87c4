import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBasketStore } from '../../../src/storage/mongo/basket-store.js';
import { mingoDb } from './mingo-db.js';

const LATER = Date.parse('2030-01-01T00:00:00Z');

/** A basket store on a mingo-backed `sessions` collection: the real update pipeline, run by mingo. */
function baskets() {
  const mingo = mingoDb();
  return { ...mingo, store: createBasketStore(mingo.db) };
}

describe('MongoDB basket add: one update pipeline (run through mingo)', () => {
  it('adds every id in one round trip, in the order given, and starts the session', async () => {
    const { store, calls, data } = baskets();
    assert.deepEqual(await store.add('s1', ['c', 'a', 'b'], 10, LATER), { added: ['c', 'a', 'b'], alreadyIn: [], full: [] });
    assert.deepEqual(calls, ['sessions.findOneAndUpdate']);
    assert.deepEqual(data.get('sessions'), [{ _id: 's1', data: {}, expiresAt: new Date(LATER), basket: ['c', 'a', 'b'] }]);
  });

  it('keeps what is in, reports repeats as already in, and appends after the existing items', async () => {
    const { store } = baskets();
    await store.add('s1', ['a', 'b'], 10, LATER);
    assert.deepEqual(await store.add('s1', ['b', 'c', 'c'], 10, LATER), { added: ['c'], alreadyIn: ['b', 'c'], full: [] });
    assert.deepEqual(await store.list('s1'), ['a', 'b', 'c']);
  });

  it('stops at the limit, saying which ids found no room, and "already in" wins over "full"', async () => {
    const { store } = baskets();
    await store.add('s1', ['a', 'b'], 3, LATER);
    assert.deepEqual(await store.add('s1', ['a', 'c', 'd', 'e'], 3, LATER), { added: ['c'], alreadyIn: ['a'], full: ['d', 'e'] });
    assert.deepEqual(await store.list('s1'), ['a', 'b', 'c']);
    assert.deepEqual(await store.add('s1', ['f', 'b'], 3, LATER), { added: [], alreadyIn: ['b'], full: ['f'] });
    assert.deepEqual(await store.list('s1'), ['a', 'b', 'c']);
  });

  it('leaves the data and expiry of an existing session alone', async () => {
    const { store, data } = baskets();
    data.set('sessions', [{ _id: 's1', data: { member: 'm1' }, expiresAt: new Date(LATER) }]);
    await store.add('s1', ['a'], 10, LATER + 60_000);
    assert.deepEqual(data.get('sessions'), [{ _id: 's1', data: { member: 'm1' }, expiresAt: new Date(LATER), basket: ['a'] }]);
  });

  it('adds nothing with no room at all, and takes an id that looks like a field path as plain text', async () => {
    const { store } = baskets();
    assert.deepEqual(await store.add('s1', ['a'], 0, LATER), { added: [], alreadyIn: [], full: ['a'] });
    assert.deepEqual(await store.add('s2', ['$basket', '$$ROOT'], 5, LATER), { added: ['$basket', '$$ROOT'], alreadyIn: [], full: [] });
    assert.deepEqual(await store.list('s2'), ['$basket', '$$ROOT']);
  });
});

describe('MongoDB filters that keep an ended session ended (run through mingo)', () => {
  const NOW = 1_700_000_000_000;

  it('a save matches the session only while it has not expired, and never another', async () => {
    const { Query } = await import('mingo');
    const { liveSessionFilter } = await import('../../../src/storage/mongo/session-store.js');
    const matches = (doc: object) => new Query(liveSessionFilter('s1', NOW)).test(doc as never);
    assert.equal(matches({ _id: 's1', expiresAt: new Date(NOW + 1) }), true);
    assert.equal(matches({ _id: 's1', expiresAt: new Date(NOW) }), false);
    assert.equal(matches({ _id: 's2', expiresAt: new Date(NOW + 1) }), false);
  });

  it('an add for a visit begun earlier goes only into a live session, and never creates one', async () => {
    const { store, data } = baskets();
    assert.deepEqual(await store.add('gone', ['a'], 10, NOW + 60_000, NOW), { added: [], alreadyIn: [], full: [], ended: true });
    assert.deepEqual(data.get('sessions') ?? [], [], 'no session row was created');
    data.set('sessions', [{ _id: 'old', data: {}, expiresAt: new Date(NOW) }]);
    assert.deepEqual(await store.add('old', ['a'], 10, NOW + 60_000, NOW), { added: [], alreadyIn: [], full: [], ended: true });
    data.set('sessions', [{ _id: 'live', data: {}, expiresAt: new Date(NOW + 1) }]);
    assert.deepEqual(await store.add('live', ['a'], 10, NOW + 60_000, NOW), { added: ['a'], alreadyIn: [], full: [] });
  });
});
