import type { CatalogueRecord, Holding } from '../model/record.js';

/** What the store knows of a record's holds: copies held for members, and members waiting in its queue. */
export interface HoldCounts {
  heldItemIds: readonly string[];
  waiting: number;
}

export const NO_HOLDS: HoldCounts = { heldItemIds: [], waiting: 0 };

/** The one-line availability a results line and a record page show, and whether a member can take a copy now. */
export interface Availability {
  kind: 'yes' | 'no' | 'reference';
  text: string;
}

const online = (h: Holding) => /\bonline\b/i.test(h.branch);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A copy on the shelf that no member's hold has claimed. */
export function isFreeOnShelf(h: Holding, holds: HoldCounts): boolean {
  return h.status === 'available' && !holds.heldItemIds.includes(h.itemId);
}

/**
 * Availability that counts holds: "On the shelf: 2 of 3 at Central Library",
 * "All copies reserved: 3 people waiting", and for reference-only copies
 * "For use in the library" rather than "Not available".
 */
export function availability(record: Pick<CatalogueRecord, 'holdings'>, holds: HoldCounts = NO_HOLDS): Availability {
  const copies = record.holdings.filter((h) => !online(h));
  if (record.holdings.length === 0) return { kind: 'no', text: 'No copies held' };
  if (copies.length === 0) return { kind: 'yes', text: 'Available online' };
  const byBranch = new Map<string, { free: number; all: number }>();
  for (const h of copies) {
    const entry = byBranch.get(h.branch) ?? { free: 0, all: 0 };
    entry.all += 1;
    if (isFreeOnShelf(h, holds)) entry.free += 1;
    byBranch.set(h.branch, entry);
  }
  const onShelf = [...byBranch].filter(([, c]) => c.free > 0).sort(([a], [b]) => a.localeCompare(b));
  if (onShelf.length > 0) return { kind: 'yes', text: `On the shelf: ${onShelf.map(([branch, c]) => `${c.free} of ${c.all} at ${branch}`).join(', ')}` };
  const lendable = copies.filter((h) => h.status === 'available' || h.status === 'on-loan' || h.status === 'in-transit');
  const waiting = holds.waiting > 0 ? `: ${plural(holds.waiting, 'person', 'people')} waiting` : '';
  if (lendable.length > 0 && lendable.every((h) => holds.heldItemIds.includes(h.itemId))) return { kind: 'no', text: `All copies reserved${waiting}` };
  if (lendable.length === 0 && copies.some((h) => h.status === 'reference')) return { kind: 'reference', text: 'For use in the library' };
  return { kind: 'no', text: `Not available now (${plural(copies.length, 'copy', 'copies')})${waiting}` };
}
