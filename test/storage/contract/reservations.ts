import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReserveRequest } from '../../../src/storage/member-stores.js';
import type { StoreRef } from './helpers.js';

const NOW = 1_700_000_000_000;
let next = 0;

function request(overrides: Partial<ReserveRequest> = {}): ReserveRequest {
  return { id: `res-${++next}`, memberId: 'm1', recordId: 'r1', itemIds: ['i1'], pickupBranch: 'Central', now: NOW, limit: 10, ...overrides };
}

/** Reservations: a copy for one member at a time, a record once per member, a limit, and cancelling. */
export function reservationsContract(store: StoreRef): void {
  describe('reservations', () => {
    it('reserves the first free copy offered and lists it for the member', async () => {
      const result = await store().reservations.reserve(request({ id: 'a', itemIds: ['i1', 'i2'] }));
      assert.equal(result.outcome, 'reserved');
      const expected = { id: 'a', memberId: 'm1', recordId: 'r1', itemId: 'i1', pickupBranch: 'Central', status: 'active', createdAt: NOW };
      assert.deepEqual(result.outcome === 'reserved' && result.reservation, expected);
      assert.deepEqual(await store().reservations.listForMember('m1'), [expected]);
      assert.deepEqual(await store().reservations.listForMember('m2'), []);
    });

    it('moves on to the next copy when the first is held for someone else', async () => {
      await store().reservations.reserve(request({ memberId: 'm1', itemIds: ['i1'] }));
      const second = await store().reservations.reserve(request({ memberId: 'm2', itemIds: ['i1', 'i2'] }));
      assert.equal(second.outcome === 'reserved' && second.reservation.itemId, 'i2');
      assert.deepEqual(await store().reservations.reserve(request({ memberId: 'm3', itemIds: ['i1', 'i2'] })), { outcome: 'taken' });
    });

    it('says a record is already reserved by this member, and gives that reservation', async () => {
      const first = await store().reservations.reserve(request({ id: 'first', itemIds: ['i1', 'i2'] }));
      const again = await store().reservations.reserve(request({ itemIds: ['i2'] }));
      assert.equal(again.outcome, 'already-reserved');
      assert.deepEqual(again.outcome === 'already-reserved' && again.reservation, first.outcome === 'reserved' && first.reservation);
    });

    it('refuses a reservation beyond the member’s limit', async () => {
      for (const r of ['r1', 'r2']) await store().reservations.reserve(request({ recordId: r, itemIds: [`${r}-i`], limit: 2 }));
      assert.deepEqual(await store().reservations.reserve(request({ recordId: 'r3', itemIds: ['r3-i'], limit: 2 })), { outcome: 'limit-reached' });
      assert.equal((await store().reservations.reserve(request({ memberId: 'm2', recordId: 'r3', itemIds: ['r3-i'], limit: 2 }))).outcome, 'reserved');
    });

    it('gives the last copy to exactly one of ten members asking at once', async () => {
      const members = Array.from({ length: 10 }, (_, i) => `m${i}`);
      const results = await Promise.all(members.map((memberId) => store().reservations.reserve(request({ memberId, itemIds: ['last'] }))));
      assert.equal(results.filter((r) => r.outcome === 'reserved').length, 1);
      assert.equal(results.filter((r) => r.outcome === 'taken').length, 9);
    });

    it('cancels only the member’s own active reservation, which frees the copy', async () => {
      await store().reservations.reserve(request({ id: 'mine', itemIds: ['i1'] }));
      assert.equal(await store().reservations.cancel('m2', 'mine', NOW + 1), null, 'not someone else’s');
      const cancelled = await store().reservations.cancel('m1', 'mine', NOW + 1);
      assert.deepEqual({ status: cancelled?.status, at: cancelled?.cancelledAt }, { status: 'cancelled', at: NOW + 1 });
      assert.equal(await store().reservations.cancel('m1', 'mine', NOW + 2), null, 'not twice');
      assert.deepEqual(await store().reservations.listForMember('m1', 'active'), []);
      assert.equal((await store().reservations.listForMember('m1', 'cancelled')).length, 1);
      assert.equal((await store().reservations.reserve(request({ memberId: 'm2', itemIds: ['i1'] }))).outcome, 'reserved');
      assert.equal((await store().reservations.reserve(request({ memberId: 'm1', recordId: 'r1', itemIds: ['i9'] }))).outcome, 'reserved');
    });
  });
}
