import type { CatalogueRecord, Holding, HoldingStatus } from '../model/record.js';

/** A branch that is not a building: its items are borrowed online, never collected. */
export function isOnlineBranch(branch: string): boolean {
  return /\bonline\b/i.test(branch);
}

/** Copies a member may reserve, best first: on the shelf now, then on its way, then out on loan. */
const PREFERENCE: Partial<Record<HoldingStatus, number>> = { available: 0, 'in-transit': 1, 'on-loan': 2 };

export type Reservability =
  | { reservable: true; itemIds: string[] }
  | { reservable: false; reason: 'online' | 'reference' | 'no-copies' };

/**
 * Whether a record can be reserved, and which copies to try, most wanted
 * first (at the pickup branch before elsewhere). E-books and online items are
 * borrowed, not reserved; reference copies stay in the library.
 */
export function reservability(record: CatalogueRecord, pickupBranch?: string): Reservability {
  const physical = record.holdings.filter((h) => !isOnlineBranch(h.branch));
  if (record.mediaType === 'ebook' || (record.holdings.length > 0 && physical.length === 0)) return { reservable: false, reason: 'online' };
  const lendable = physical.filter((h) => PREFERENCE[h.status] !== undefined);
  if (lendable.length === 0) {
    return { reservable: false, reason: physical.some((h) => h.status === 'reference') ? 'reference' : 'no-copies' };
  }
  const rank = (h: Holding) => PREFERENCE[h.status]! * 2 + (h.branch === pickupBranch ? 0 : 1);
  return { reservable: true, itemIds: [...lendable].sort((a, b) => rank(a) - rank(b)).map((h) => h.itemId) };
}

/** Why a record cannot be reserved, in a member's words. */
export const NOT_RESERVABLE_REASON = {
  online: 'it is an e-book or online item, which you borrow online instead',
  reference: 'it is for reference only and stays in the library',
  'no-copies': 'the library has no copy that can be lent at the moment',
} as const;
