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
      const expected = { id: 'a', memberId: 'm1', recordId: 'r1', itemId: 'i1', pickupBranch: 'Central', status: 'active', stage: 'in-transit', createdAt: NOW };
      assert.deepEqual(result.outcome === 'reserved' && result.reservation, expected);
      assert.deepEqual(await store().reservations.listForMember('m1'), [expected]);
      assert.deepEqual(await store().reservations.listForMember('m2'), []);
    });

    it('moves on to the next copy when the first is held for someone else', async () => {
      await store().reservations.reserve(request({ memberId: 'm1', itemIds: ['i1'] }));
      const second = await store().reservations.reserve(request({ memberId: 'm2', itemIds: ['i1', 'i2'] }));
      assert.equal(second.outcome === 'reserved' && second.reservation.itemId, 'i2');
      const third = await store().reservations.reserve(request({ memberId: 'm3', itemIds: ['i1', 'i2'] }));
      assert.deepEqual(third.outcome === 'queued' && [third.reservation.stage, third.reservation.position, third.reservation.itemId], ['waiting', 1, undefined]);
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
      const positions = results.flatMap((r) => (r.outcome === 'queued' ? [r.reservation.position] : [])).sort((a, b) => a! - b!);
      assert.deepEqual(positions, [1, 2, 3, 4, 5, 6, 7, 8, 9], 'the other nine queue, each at their own place');
    });

    it('cancels only the member’s own active reservation, which frees the copy', async () => {
      await store().reservations.reserve(request({ id: 'mine', itemIds: ['i1'] }));
      assert.equal(await store().reservations.cancel('m2', 'mine', NOW + 1), null, 'not someone else’s');
      const cancelled = await store().reservations.cancel('m1', 'mine', NOW + 1);
      assert.deepEqual({ status: cancelled?.ended.status, at: cancelled?.ended.cancelledAt, offered: cancelled?.offered }, { status: 'cancelled', at: NOW + 1, offered: null });
      assert.equal(await store().reservations.cancel('m1', 'mine', NOW + 2), null, 'not twice');
      assert.deepEqual(await store().reservations.listForMember('m1', 'active'), []);
      assert.equal((await store().reservations.listForMember('m1', 'cancelled')).length, 1);
      assert.equal((await store().reservations.reserve(request({ memberId: 'm2', itemIds: ['i1'] }))).outcome, 'reserved');
      assert.equal((await store().reservations.reserve(request({ memberId: 'm1', recordId: 'r1', itemIds: ['i9'] }))).outcome, 'reserved');
    });

    queueContract(store);
  });
}

/** The queue of a title: exact places under races, a limit that counts waiting holds, and a copy passed on. */
function queueContract(store: StoreRef): void {
  const r = () => store().reservations;
  /** m0 holds the only copy of r1, so everyone else queues. */
  const holdOnly = () => r().reserve(request({ id: 'held', memberId: 'm0', itemIds: ['only'] }));
  const position = async (memberId: string) => (await r().listForMember(memberId, 'active'))[0]?.position;

  describe('the queue', () => {
    it('gives two members joining at once places 1 and 2, never both 1', async () => {
      await holdOnly();
      const [a, b] = await Promise.all(['m1', 'm2'].map((memberId) => r().reserve(request({ memberId, itemIds: ['only'] }))));
      assert.deepEqual([a?.outcome, b?.outcome], ['queued', 'queued']);
      const places = [a, b].map((x) => (x?.outcome === 'queued' ? x.reservation.position : 0)).sort();
      assert.deepEqual(places, [1, 2]);
      assert.deepEqual(new Set([await position('m1'), await position('m2')]), new Set([1, 2]), 'the account reads the same places');
    });

    it('counts waiting holds towards the member’s limit, exactly, when one member sends five at once', async () => {
      await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map((recordId) => r().reserve(request({ id: `held-${recordId}`, memberId: 'm0', recordId, itemIds: [`${recordId}-only`] }))));
      const results = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map((recordId) => r().reserve(request({ recordId, itemIds: [`${recordId}-only`], limit: 2 }))));
      assert.equal(results.filter((x) => x.outcome === 'queued').length, 2);
      assert.equal(results.filter((x) => x.outcome === 'limit-reached').length, 3);
      assert.equal((await r().listForMember('m1', 'active')).length, 2);
    });

    it('moves everyone behind up when a member leaves the queue', async () => {
      await holdOnly();
      for (const memberId of ['m1', 'm2', 'm3']) await r().reserve(request({ id: `q-${memberId}`, memberId, itemIds: ['only'] }));
      const left = await r().cancel('m1', 'q-m1', NOW + 1);
      assert.deepEqual([left?.ended.status, left?.offered], ['cancelled', null]);
      assert.deepEqual([await position('m2'), await position('m3')], [1, 2]);
      assert.equal((await r().reserve(request({ memberId: 'm4', itemIds: ['only'] }))).outcome === 'queued' && (await position('m4')), 3);
    });

    it('gives a cancelled hold’s copy to the first in the queue, and the rest move up', async () => {
      await holdOnly();
      for (const memberId of ['m1', 'm2']) await r().reserve(request({ id: `q-${memberId}`, memberId, itemIds: ['only'] }));
      const freed = await r().cancel('m0', 'held', NOW + 1);
      assert.deepEqual([freed?.offered?.id, freed?.offered?.itemId, freed?.offered?.stage], ['q-m1', 'only', 'in-transit']);
      assert.equal(await position('m2'), 1);
      assert.deepEqual((await r().listAtStage('in-transit')).map((h) => h.id), ['q-m1']);
    });

    it('checks a copy in ready to collect, collects it once, and refuses steps out of order', async () => {
      await holdOnly();
      assert.equal(await r().collect('held', NOW), null, 'not ready yet');
      const ready = await r().checkIn('held', NOW, NOW + 1000);
      assert.deepEqual([ready?.stage, ready?.readyUntil], ['ready', NOW + 1000]);
      assert.equal(await r().checkIn('held', NOW, NOW + 2000), null, 'not twice');
      assert.deepEqual((await r().listAtStage('ready')).map((h) => h.id), ['held']);
      const collected = await r().collect('held', NOW + 10);
      assert.deepEqual([collected?.status, collected?.endedAt], ['collected', NOW + 10]);
      assert.equal(await r().collect('held', NOW + 11), null);
      assert.deepEqual(await r().listAtStage('ready'), []);
      assert.equal((await r().reserve(request({ memberId: 'm0', itemIds: ['only'] }))).outcome, 'reserved', 'the record can be reserved again');
    });

    it('expires only ready holds past their date, and offers each copy to the next in its queue', async () => {
      await holdOnly();
      await r().reserve(request({ id: 'later', memberId: 'm5', recordId: 'r2', itemIds: ['other'] }));
      await r().reserve(request({ id: 'next', memberId: 'm1', itemIds: ['only'] }));
      await r().checkIn('held', NOW, NOW + 1000);
      await r().checkIn('later', NOW, NOW + 5000);
      assert.deepEqual(await r().expireReady(NOW + 999), [], 'not before its date');
      const freed = await r().expireReady(NOW + 1000);
      assert.deepEqual(freed.map((f) => [f.ended.id, f.ended.status, f.ended.endedAt, f.offered?.id, f.offered?.itemId]), [['held', 'expired', NOW + 1000, 'next', 'only']]);
      assert.deepEqual(await r().expireReady(NOW + 1000), [], 'once');
      assert.equal((await r().get('later'))?.stage, 'ready');
    });

    it('tells availability which copies are held and how many wait, per record', async () => {
      await holdOnly();
      for (const memberId of ['m1', 'm2']) await r().reserve(request({ memberId, itemIds: ['only'] }));
      const holds = await r().holdsFor(['r1', 'r9']);
      assert.deepEqual([...holds.entries()], [['r1', { heldItemIds: ['only'], waiting: 2 }]]);
    });

    it('answers holds asked for at once (as pages checked together are) each with its own records only', async () => {
      await holdOnly();
      await r().reserve(request({ id: 'two', memberId: 'm5', recordId: 'r2', itemIds: ['other'] }));
      await r().reserve(request({ id: 'wait', memberId: 'm6', itemIds: ['only'] }));
      const [first, second, both, none, empty] = await Promise.all([
        r().holdsFor(['r1']), r().holdsFor(['r2', 'r9']), r().holdsFor(['r2', 'r1']), r().holdsFor(['r9']), r().holdsFor([]),
      ]);
      assert.deepEqual([...first.entries()], [['r1', { heldItemIds: ['only'], waiting: 1 }]]);
      assert.deepEqual([...second.entries()], [['r2', { heldItemIds: ['other'], waiting: 0 }]]);
      assert.deepEqual(new Map(both), new Map([['r1', { heldItemIds: ['only'], waiting: 1 }], ['r2', { heldItemIds: ['other'], waiting: 0 }]]));
      assert.deepEqual([none.size, empty.size], [0, 0]);
      // A hold placed while others are being asked about shows to the next question at once.
      const [, after] = await Promise.all([r().holdsFor(['r3']), r().reserve(request({ id: 'three', recordId: 'r3', itemIds: ['third'] })).then(() => r().holdsFor(['r3']))]);
      assert.deepEqual([...after.entries()], [['r3', { heldItemIds: ['third'], waiting: 0 }]]);
    });
  });
}
