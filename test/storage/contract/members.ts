import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DuplicateCard, type Member } from '../../../src/storage/member-stores.js';
import type { StoreRef } from './helpers.js';

/** A member with everyday values; tests spell out only what they are about. */
export function memberFixture(overrides: Partial<Member> = {}): Member {
  return {
    id: 'm-ada', card: '1000000001', pinHash: 'scrypt$x', name: 'Ada Lovelace', email: 'ada@example.org',
    homeBranch: 'Central', role: 'member', createdAt: 1_700_000_000_000, ...overrides,
  };
}

/** Members found by id and by card, one card per member; and their demo loans. */
export function membersContract(store: StoreRef): void {
  describe('members', () => {
    it('finds a member by id and by card, exactly as added', async () => {
      const ada = memberFixture();
      await store().members.add(ada);
      assert.deepEqual(await store().members.get('m-ada'), ada);
      assert.deepEqual(await store().members.getByCard('1000000001'), ada);
      assert.equal(await store().members.getByCard('1000000002'), null);
      assert.equal(await store().members.get('nobody'), null);
      assert.equal(await store().members.count(), 1);
    });

    it('refuses a second member with the same card', async () => {
      await store().members.add(memberFixture());
      await assert.rejects(store().members.add(memberFixture({ id: 'm-other' })), DuplicateCard);
      assert.equal(await store().members.count(), 1);
    });

    it('replaces the PIN hash of a card, and says when there is no such card', async () => {
      await store().members.add(memberFixture());
      assert.equal(await store().members.setPinHash('1000000001', 'scrypt$new'), true);
      assert.equal((await store().members.get('m-ada'))?.pinHash, 'scrypt$new');
      assert.equal(await store().members.setPinHash('9999', 'scrypt$y'), false);
    });

    it('lists a member’s loans soonest due first, and loading them twice changes nothing', async () => {
      const loan = { memberId: 'm-ada', recordId: 'r1', itemId: 'i1', title: 'Emma', loanedAt: 1, dueDate: '2026-12-10' };
      const sooner = { ...loan, recordId: 'r2', itemId: 'i2', title: 'Jane Eyre', dueDate: '2026-12-01' };
      await store().loans.add([loan, sooner, { ...loan, memberId: 'm-other' }]);
      await store().loans.add([loan]);
      assert.deepEqual(await store().loans.listForMember('m-ada'), [sooner, loan]);
      assert.deepEqual(await store().loans.listForMember('nobody'), []);
    });
  });
}
