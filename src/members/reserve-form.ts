import type Koa from 'koa';
import type { CatalogueRecord } from '../model/record.js';
import type { Store } from '../storage/store.js';
import { choosePickup, type Branches } from './branches.js';
import { currentMember } from './current-member.js';
import { NOT_RESERVABLE_REASON, reservability } from './reservability.js';

/** What the record page's "Reserve" box shows (templates/members/_reserve.njk). */
export interface ReserveBox {
  recordId: string;
  reservable: boolean;
  why?: string;
  /** A visitor who is not logged in is offered a login that comes back here. */
  loginHref?: string;
  /** The pickup branch, when this member already holds the record. */
  reservedAt?: string;
  /** The member's place in the queue, when they wait for a copy. */
  position?: number;
  branches: string[];
  pickup: string;
}

export async function reserveFormView(ctx: Koa.Context, store: Pick<Store, 'reservations'>, branches: Branches, record: CatalogueRecord): Promise<ReserveBox> {
  const check = reservability(record);
  const base = { recordId: record.id, reservable: check.reservable, ...(check.reservable ? {} : { why: NOT_RESERVABLE_REASON[check.reason] }) };
  const member = currentMember(ctx);
  if (!member) return { ...base, loginHref: `/login?return=${encodeURIComponent(ctx.url)}`, branches: [], pickup: '' };
  const [pickup, active] = await Promise.all([branches.pickupBranches(), store.reservations.listForMember(member.id, 'active')]);
  const mine = active.find((r) => r.recordId === record.id);
  return {
    ...base, ...(mine ? { reservedAt: mine.pickupBranch, ...(mine.position ? { position: mine.position } : {}) } : {}),
    branches: pickup, pickup: choosePickup(pickup, undefined, member.homeBranch),
  };
}

/** The reserve control on one result line (templates/members/_reserve-result.njk). */
export interface ResultReserve {
  /** What the member already has, in words ("Reserved", "Number 2 in the queue"); no button then. */
  held?: string;
}

/**
 * Reserve buttons for the results list: one per reservable record for a
 * logged-in member (collected at their home branch), or what they already
 * hold. Visitors get none: the record page offers them a login.
 */
export async function reserveOnResults(ctx: Koa.Context, store: Pick<Store, 'reservations'>, records: CatalogueRecord[]): Promise<Map<string, ResultReserve>> {
  const member = currentMember(ctx);
  const controls = new Map<string, ResultReserve>();
  if (!member) return controls;
  const mine = new Map((await store.reservations.listForMember(member.id, 'active')).map((r) => [r.recordId, r]));
  for (const record of records) {
    const held = mine.get(record.id);
    if (held) controls.set(record.id, { held: held.position ? `Number ${held.position} in the queue` : 'Reserved by you' });
    else if (reservability(record).reservable) controls.set(record.id, {});
  }
  return controls;
}
