import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Query, update } from 'mingo';
import { basketRoomFilter } from '../../../src/storage/mongo/basket-store.js';
import { liveSessionFilter } from '../../../src/storage/mongo/session-store.js';

const session = (size: number) => ({ _id: 's1', basket: Array.from({ length: size }, (_, i) => `rec-${i}`) });
const matches = (filter: object, doc: object) => new Query(filter as never).test(doc as never);

describe('MongoDB basket update filter', () => {
  it('holds the limit in the filter: position limit-1 must not exist yet', () => {
    assert.deepEqual(basketRoomFilter('s1', 30), { _id: 's1', 'basket.29': { $exists: false } });
  });

  it('matches a session with room and not a full one, nor another session', () => {
    const filter = basketRoomFilter('s1', 30);
    assert.equal(matches(filter, session(29)), true);
    assert.equal(matches(filter, session(30)), false);
    assert.equal(matches(filter, { _id: 's1' }), true, 'a session with no basket yet has room');
    assert.equal(matches(filter, { ...session(0), _id: 's2' }), false);
  });

  it('never matches when the limit leaves no room at all', () => {
    assert.equal(matches(basketRoomFilter('s1', 0), session(0)), false);
  });

  it('adds with $addToSet at the end, and adds nothing for an id already in', () => {
    const doc = session(2);
    assert.deepEqual(update(doc, { $addToSet: { basket: 'rec-9' } }), ['basket']);
    assert.deepEqual(update(doc, { $addToSet: { basket: 'rec-0' } }), []);
    assert.deepEqual(doc.basket, ['rec-0', 'rec-1', 'rec-9']);
  });
});

describe('MongoDB filters that keep an ended session ended', () => {
  const NOW = 1_700_000_000_000;
  const live = { _id: 's1', expiresAt: new Date(NOW + 1), basket: [] };
  const expired = { _id: 's1', expiresAt: new Date(NOW), basket: [] };

  it('a save matches the session only while it has not expired, and never another', () => {
    assert.equal(matches(liveSessionFilter('s1', NOW), live), true);
    assert.equal(matches(liveSessionFilter('s1', NOW), expired), false);
    assert.equal(matches(liveSessionFilter('s1', NOW), { ...live, _id: 's2' }), false);
  });

  it('an add for a visit begun earlier matches only a live session with room', () => {
    assert.equal(matches(basketRoomFilter('s1', 30, NOW), live), true);
    assert.equal(matches(basketRoomFilter('s1', 30, NOW), expired), false);
    assert.equal(matches(basketRoomFilter('s1', 1, NOW), { ...live, basket: ['x'] }), false);
  });
});
