import { availability, isFreeOnShelf, NO_HOLDS, type HoldCounts } from '../catalogue/availability.js';
import { fullTitle, recordPath, STATUS_LABELS, type CatalogueRecord, type Holding } from '../model/record.js';
import type { DueText } from './shelf-list.js';

/** One copy on the member's pick list: where it stands, and whether it can be taken now. */
export interface PickCopy {
  shelfmark: string;
  title: string;
  author: string;
  href: string;
  status: string;
  onShelf: boolean;
}

export interface PickBranch {
  branch: string;
  copies: PickCopy[];
}

/** Shelfmarks in shelf order: "F 2" before "F 10", letters without regard to case. */
const SHELF_ORDER = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** What a copy's line says now, counting holds: a copy held for a member is not on the shelf for anyone else. */
function liveStatus(h: Holding, holds: HoldCounts, due: DueText): string {
  if (isFreeOnShelf(h, holds)) return 'On the shelf';
  if (holds.heldItemIds.includes(h.itemId)) return 'Reserved for a member';
  if (h.status === 'reference') return 'For use in the library';
  if (h.status === 'on-loan' && h.dueDate) return `On loan, due ${due(h.dueDate)}`;
  return STATUS_LABELS[h.status];
}

/**
 * The basket as a pick list for a member: every physical copy, grouped by
 * branch (A–Z), in shelfmark order within each branch, with availability as
 * of now (holds counted), so the member can walk each branch's shelves once.
 * Records with no copy on a shelf (e-books, online) are listed apart.
 */
export function memberPickList(records: CatalogueRecord[], holds: ReadonlyMap<string, HoldCounts>, due: DueText): { branches: PickBranch[]; elsewhere: Array<{ title: string; href: string; note: string }> } {
  const byBranch = new Map<string, PickCopy[]>();
  const elsewhere: Array<{ title: string; href: string; note: string }> = [];
  for (const record of records) {
    const recordHolds = holds.get(record.id) ?? NO_HOLDS;
    const physical = record.holdings.filter((h) => !/\bonline\b/i.test(h.branch));
    if (physical.length === 0) {
      elsewhere.push({ title: fullTitle(record), href: recordPath(record.id), note: availability(record, recordHolds).text });
      continue;
    }
    for (const h of physical) {
      const copy = {
        shelfmark: h.shelfmark, title: fullTitle(record), author: record.authors[0] ?? '', href: recordPath(record.id),
        status: liveStatus(h, recordHolds, due), onShelf: isFreeOnShelf(h, recordHolds),
      };
      byBranch.set(h.branch, [...(byBranch.get(h.branch) ?? []), copy]);
    }
  }
  const branches = [...byBranch]
    .sort(([a], [b]) => SHELF_ORDER.compare(a, b))
    .map(([branch, copies]) => ({ branch, copies: copies.sort((a, b) => SHELF_ORDER.compare(a.shelfmark, b.shelfmark) || a.title.localeCompare(b.title)) }));
  return { branches, elsewhere };
}
