import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate } from 'mingo';
import type { ReserveRequest } from '../../../src/storage/member-stores.js';
import { createReservationStore, reservationPlacesPipeline } from '../../../src/storage/mongo/reservation-store.js';
import { mingoDb } from './mingo-db.js';

let next = 0;
const request = (overrides: Partial<ReserveRequest> = {}): ReserveRequest =>
  ({ id: `res-${++next}`, memberId: 'm1', recordId: `r${next}`, itemIds: [`i${next}`], pickupBranch: 'Central', now: 0, limit: 2, ...overrides });

function reservations() {
  const mingo = mingoDb();
  return { ...mingo, store: createReservationStore(mingo.db), counter: (id: string) => mingo.data.get('reservationPlaces')?.find((d) => d._id === id)?.places.length };
}

describe('MongoDB reservation limit: a per-member counter with a conditional $inc (run through mingo)', () => {
  it('lets only as many of one member’s simultaneous requests through as the limit allows', async () => {
    const { store, counter } = reservations();
    const results = await Promise.all(Array.from({ length: 5 }, () => store.reserve(request())));
    assert.equal(results.filter((r) => r.outcome === 'reserved').length, 2);
    assert.equal(results.filter((r) => r.outcome === 'limit-reached').length, 3);
    assert.equal(counter('m1'), 2);
  });

  it('gives the place back when no copy could be had, and on cancelling', async () => {
    const { store, counter, data } = reservations();
    data.set('reservations', [{ _id: 'other', memberId: 'm2', recordId: 'rx', itemId: 'held', status: 'active' }]);
    const first = await store.reserve(request({ id: 'mine' }));
    assert.equal(first.outcome, 'reserved');
    assert.deepEqual(await store.reserve(request({ id: 'mine' })), { outcome: 'taken' }, 'a reservation id already used gets nothing');
    assert.equal(counter('m1'), 1);
    await store.cancel('m1', 'mine', 2);
    assert.equal(counter('m1'), 0);
    assert.equal(await store.cancel('m1', 'mine', 3), null);
    assert.equal(counter('m1'), 0, 'not below what is held');
  });

  it('gives back a place abandoned by a stopped process, but never one a request is still using', async () => {
    const { store, counter, data } = reservations();
    data.set('reservationPlaces', [{ _id: 'm1', places: [{ id: 'lost', n: 'x', at: -120_000 }, { id: 'in-flight', n: 'y', at: 0 }] }]);
    assert.equal((await store.reserve(request())).outcome, 'reserved', 'the place of "lost" was freed');
    assert.equal(counter('m1'), 2);
    assert.equal((await store.reserve(request())).outcome, 'limit-reached', 'the recent place is not taken away');
  });

  it('builds missing counters from active reservations for db:migrate', () => {
    const docs = [
      { _id: 'a', memberId: 'm1', status: 'active', createdAt: 5 }, { _id: 'b', memberId: 'm1', status: 'active', createdAt: 5 },
      { _id: 'c', memberId: 'm1', status: 'cancelled', createdAt: 5 }, { _id: 'd', memberId: 'm2', status: 'active', createdAt: 5 },
    ];
    const pipeline = reservationPlacesPipeline();
    assert.deepEqual(pipeline.at(-1), { $merge: { into: 'reservationPlaces', on: '_id', whenMatched: 'keepExisting', whenNotMatched: 'insert' } });
    assert.deepEqual(aggregate(docs, pipeline.slice(0, -1)), [
      { _id: 'm1', places: [{ id: 'a', n: 'a', at: 5 }, { id: 'b', n: 'b', at: 5 }] },
      { _id: 'm2', places: [{ id: 'd', n: 'd', at: 5 }] },
    ]);
  });
});
