import type { Loan, Member, MemberRole, Store } from '../storage/store.js';
import { hashPin } from './pin-hash.js';

/** The demo accounts, listed in the README. Their PINs are public: they exist only beside the demo catalogue. */
export const DEMO_MEMBERS: ReadonlyArray<{ card: string; pin: string; name: string; email: string; homeBranch: string; role: MemberRole }> = [
  { card: '1000000001', pin: '1234', name: 'Ada Lovelace', email: 'ada.lovelace@example.org', homeBranch: 'Central Library', role: 'member' },
  { card: '1000000002', pin: '2345', name: 'Samuel Pepys', email: 'samuel.pepys@example.org', homeBranch: 'Riverside', role: 'member' },
  { card: '1000000009', pin: '9999', name: 'Lydia Bennet', email: 'lydia.bennet@example.org', homeBranch: 'Central Library', role: 'librarian' },
];

const DAY = 24 * 60 * 60_000;

/** Two demo loans for the first demo member: copies the catalogue shows as on loan. */
async function demoLoans(store: Pick<Store, 'records'>, member: Member, now: number): Promise<Loan[]> {
  const { records } = await store.records.search({ clauses: [], filters: [], sort: 'title', offset: 0, limit: 200, facetLimit: 0 });
  return records
    .flatMap((r) => r.holdings.filter((h) => h.status === 'on-loan').slice(0, 1).map((h) => ({ r, h })))
    .slice(0, 2)
    .map(({ r, h }, i) => ({
      memberId: member.id, recordId: r.id, itemId: h.itemId, title: r.title,
      loanedAt: now - (10 + i * 5) * DAY,
      dueDate: h.dueDate ?? new Date(now + (11 + i * 7) * DAY).toISOString().slice(0, 10),
    }));
}

/**
 * Seed the demo accounts (and a few demo loans) into a store that has no
 * members yet; server.ts calls it right after loading the demo catalogue.
 * Returns how many members this call added: safe to run from two instances
 * booting at once, which between them add each account once.
 */
export async function seedDemoMembers(store: Pick<Store, 'records' | 'members' | 'loans'>, now = Date.now()): Promise<number> {
  if ((await store.members.count()) > 0) return 0;
  let added = 0;
  for (const [i, demo] of DEMO_MEMBERS.entries()) {
    const { pin, ...rest } = demo;
    const member: Member = { id: `demo-${i + 1}`, ...rest, pinHash: await hashPin(pin), createdAt: now };
    try {
      await store.members.add(member);
    } catch (error) {
      // Another instance starting at the same moment added this account first: it is there, which is all seeding wants.
      if (await store.members.getByCard(demo.card)) continue;
      throw error;
    }
    added++;
    if (i === 0) await store.loans.add(await demoLoans(store, member, now));
  }
  return added;
}
