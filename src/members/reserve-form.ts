import type Koa from 'koa';
import type { CatalogueRecord } from '../catalogue/record.js';
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
  return { ...base, ...(mine ? { reservedAt: mine.pickupBranch } : {}), branches: pickup, pickup: choosePickup(pickup, undefined, member.homeBranch) };
}
