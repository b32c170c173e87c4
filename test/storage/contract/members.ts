import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DuplicateCard, type Member, type MemberStore } from '../../../src/storage/member-stores.js';
import type { StoreRef } from './helpers.js';

/** A member with everyday values; tests spell out only what they are about. */
export function memberFixture(overrides: Partial<Member> = {}): Member {
  return {
    id: 'm-ada', card: '1000000001', pinHash: 'scrypt$x', name: 'Ada Lovelace', email: 'ada@example.org',
    homeBranch: 'Central', role: 'member', createdAt: 1_700_000_000_000, ...overrides,
  };
}

/** What the console does with members: list and find them, disable and re-enable their cards. */
export function memberManagementContract(store: () => { members: MemberStore }): void {
  describe('member management', () => {
    const add = (id: string, card: string, name: string) => store().members.add(memberFixture({ id, card, name }));

    it('lists members by name, then card, in pages, with the total', async () => {
      await add('m-c', '3003', 'Charles Babbage');
      await add('m-a', '1001', 'Ada Lovelace');
      await add('m-b', '2002', 'Ada Byron');
      await add('m-d', '4004', 'Ada Byron');
      const first = await store().members.list({}, 0, 2);
      assert.equal(first.total, 4);
      assert.deepEqual(first.members.map((m) => m.id), ['m-b', 'm-d']);
      assert.deepEqual((await store().members.list({}, 2, 2)).members.map((m) => m.id), ['m-a', 'm-c']);
    });

    it('finds members by a card exactly or by any part of a name, whatever the case, taking % and _ literally', async () => {
      await add('m-a', '1001', 'Ada Lovelace');
      await add('m-b', 'W2002', 'Mary Shelley');
      await add('m-p', '5005', 'Per_cent 100%');
      assert.deepEqual((await store().members.list({ text: 'LOVE' }, 0, 10)).members.map((m) => m.id), ['m-a']);
      assert.deepEqual((await store().members.list({ text: 'w2002' }, 0, 10)).members.map((m) => m.id), ['m-b']);
      assert.deepEqual((await store().members.list({ text: '200' }, 0, 10)).members.map((m) => m.id), [], 'part of a card is not enough');
      assert.deepEqual((await store().members.list({ text: '0%' }, 0, 10)).members.map((m) => m.id), ['m-p']);
      assert.deepEqual((await store().members.list({ text: 'a_a' }, 0, 10)).members.map((m) => m.id), []);
      assert.equal((await store().members.list({ text: '.*' }, 0, 10)).total, 0);
    });

    it('disables a card and enables it again, and says when there is no such member', async () => {
      await add('m-a', '1001', 'Ada Lovelace');
      assert.equal(await store().members.setDisabled('m-a', 1_700_000_000_500), true);
      assert.equal((await store().members.get('m-a'))?.disabledAt, 1_700_000_000_500);
      assert.equal((await store().members.getByCard('1001'))?.disabledAt, 1_700_000_000_500);
      assert.equal(await store().members.setDisabled('m-a', null), true);
      assert.deepEqual(await store().members.get('m-a'), memberFixture({ id: 'm-a', card: '1001', name: 'Ada Lovelace' }), 'enabled again reads as never disabled');
      assert.equal(await store().members.setDisabled('nobody', 1), false);
    });

    it('loads several members at once in the order asked, leaving out unknown ids', async () => {
      await add('m-a', '1001', 'Ada Lovelace');
      await add('m-b', '2002', 'Mary Shelley');
      assert.deepEqual((await store().members.getMany(['m-b', 'nobody', 'm-a'])).map((m) => m.name), ['Mary Shelley', 'Ada Lovelace']);
      assert.deepEqual(await store().members.getMany([]), []);
    });
  });
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
  memberManagementContract(store);
}
