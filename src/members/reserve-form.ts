import type Koa from 'koa';
import type { CatalogueRecord } from '../catalogue/record.js';
import type { Store } from '../storage/store.js';
import { choosePickup, pickupBranches } from './branches.js';
import { currentMember } from './current-member.js';
import { NOT_RESERVABLE_REASON, reservability } from './reservability.js';

/** What the record page's "Reserve" box shows: nothing for a visitor who is not logged in. */
export interface ReserveFormView {
  recordId: string;
  reservable: boolean;
  why?: string;
  /** Set when this member already holds the record. */
  reservedAt?: string;
  branches: string[];
  pickup: string;
}

export async function reserveFormView(ctx: Koa.Context, store: Store, record: CatalogueRecord): Promise<ReserveFormView | undefined> {
  const member = currentMember(ctx);
  if (!member) return undefined;
  const [branches, active] = await Promise.all([pickupBranches(store), store.reservations.listForMember(member.id, 'active')]);
  const check = reservability(record);
  const mine = active.find((r) => r.recordId === record.id);
  return {
    recordId: record.id,
    reservable: check.reservable,
    ...(check.reservable ? {} : { why: NOT_RESERVABLE_REASON[check.reason] }),
    ...(mine ? { reservedAt: mine.pickupBranch } : {}),
    branches,
    pickup: choosePickup(branches, undefined, member.homeBranch),
  };
}
