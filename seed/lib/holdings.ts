import type { Holding, HoldingStatus, MediaType } from '../../src/model/record.js';
import type { Rng } from './prng.js';

/** Branches of the fictional Wealdshire County Libraries, with how often each holds a copy. */
const BRANCHES: ReadonlyArray<readonly [string, number]> = [
  ['Central Library', 5], ['Northgate', 3], ['Riverside', 3], ['Castle Hill', 2], ['Eastfield', 2],
];
const MOBILE_LIBRARY = 'Mobile Library';
export const ONLINE_LIBRARY = 'Online Library';

const LENDING_STATUSES: ReadonlyArray<readonly [HoldingStatus, number]> = [
  ['available', 70], ['on-loan', 22], ['in-transit', 5], ['missing', 3],
];

/** A due date in late 2026 (the demo's "now" is November 2026). */
function dueDate(rng: Rng): string {
  const day = new Date(Date.UTC(2026, 10, 24 + rng.int(0, 37)));
  return day.toISOString().slice(0, 10);
}

function copy(itemId: string, branch: string, shelfmark: string, status: HoldingStatus, rng: Rng): Holding {
  return status === 'on-loan' ? { itemId, branch, shelfmark, status, dueDate: dueDate(rng) } : { itemId, branch, shelfmark, status };
}

export interface HoldingsInput {
  recordNumber: number;
  mediaType: MediaType;
  shelfmark: string;
  online: boolean;
  /** Old or local-studies items stay in the building: one reference copy at Central. */
  referenceOnly: boolean;
  /** Local history: a reference copy at Central plus lending copies. */
  localStudies: boolean;
  copies?: number;
}

/** Copies of one record across the branches, with stable item ids (barcodes) and statuses. */
export function holdingsFor(input: HoldingsInput, rng: Rng): Holding[] {
  const barcode = (n: number): string => `38014${String(input.recordNumber).padStart(6, '0')}${String(n).padStart(2, '0')}`;
  if (input.online) {
    const status = rng.weighted<HoldingStatus>([['available', 75], ['on-loan', 25]]);
    return [copy(`OL${String(input.recordNumber).padStart(6, '0')}`, ONLINE_LIBRARY, input.shelfmark, status, rng)];
  }
  if (input.referenceOnly) return [copy(barcode(1), 'Central Library', `REF ${input.shelfmark}`, 'reference', rng)];
  const small = input.mediaType === 'dvd' || input.mediaType === 'music-cd' || input.mediaType === 'large-print';
  const wanted = input.copies ?? (small ? rng.int(1, 2) : rng.weighted([[1, 35], [2, 40], [3, 25]]));
  const holdings: Holding[] = [];
  const used = new Set<string>();
  if (input.localStudies) {
    holdings.push(copy(barcode(1), 'Central Library', `REF ${input.shelfmark}`, 'reference', rng));
  }
  const mobileLikely = input.mediaType === 'book' || input.mediaType === 'large-print';
  while (holdings.length < wanted + (input.localStudies ? 1 : 0)) {
    const branch = mobileLikely && rng.next() < 0.08 ? MOBILE_LIBRARY : rng.weighted(BRANCHES);
    // A big branch may hold two copies of a popular title; small ones never do.
    if (used.has(branch) && (branch !== 'Central Library' || used.size < 3)) continue;
    used.add(branch);
    holdings.push(copy(barcode(holdings.length + 1), branch, input.shelfmark, rng.weighted(LENDING_STATUSES), rng));
  }
  return holdings;
}
