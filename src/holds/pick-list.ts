import { fullTitle, recordPath, STATUS_LABELS, type CatalogueRecord } from '../model/record.js';
import type { Member, Reservation } from '../storage/store.js';
import { readyUntilText } from './hold-desk.js';

/** One line of the librarian's pick list or hold shelf. */
export interface HoldRow {
  id: string;
  title: string;
  href: string;
  /** Where the copy lives, and its shelfmark: where to fetch it from. */
  branch: string;
  shelfmark: string;
  itemId: string;
  copyStatus: string;
  pickupBranch: string;
  member: string;
  readyUntil?: string;
}

export interface BranchGroup {
  branch: string;
  rows: HoldRow[];
}

/** Shelfmarks in shelf order: "F 2" before "F 10", letters without regard to case. */
const SHELF_ORDER = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function row(hold: Reservation, record: CatalogueRecord | undefined, member: Member | undefined): HoldRow {
  const copy = record?.holdings.find((h) => h.itemId === hold.itemId);
  return {
    id: hold.id,
    title: record ? fullTitle(record) : hold.recordId,
    href: recordPath(hold.recordId),
    branch: copy?.branch ?? hold.pickupBranch,
    shelfmark: copy?.shelfmark ?? '',
    itemId: hold.itemId ?? '',
    copyStatus: copy ? STATUS_LABELS[copy.status] : 'Not in the catalogue',
    pickupBranch: hold.pickupBranch,
    member: member ? `${member.name} (card ${member.card})` : hold.memberId,
  };
}

function grouped(rows: HoldRow[], branchOf: (r: HoldRow) => string): BranchGroup[] {
  const groups = new Map<string, HoldRow[]>();
  for (const r of rows) groups.set(branchOf(r), [...(groups.get(branchOf(r)) ?? []), r]);
  return [...groups].sort(([a], [b]) => SHELF_ORDER.compare(a, b)).map(([branch, list]) => ({ branch, rows: list }));
}

/**
 * The pick list: copies held for members but not yet on the hold shelf,
 * grouped by the branch whose shelves they are on and sorted by shelfmark,
 * so a librarian walks each branch's shelves once.
 */
export function pickList(holds: Reservation[], records: Map<string, CatalogueRecord>, members: Map<string, Member>, branch?: string): BranchGroup[] {
  const rows = holds.map((h) => row(h, records.get(h.recordId), members.get(h.memberId)))
    .filter((r) => !branch || r.branch === branch)
    .sort((a, b) => SHELF_ORDER.compare(a.branch, b.branch) || SHELF_ORDER.compare(a.shelfmark, b.shelfmark) || a.title.localeCompare(b.title));
  return grouped(rows, (r) => r.branch);
}

/** The hold shelf: holds ready to collect, by pickup branch, soonest to expire first. */
export function holdShelf(holds: Reservation[], records: Map<string, CatalogueRecord>, members: Map<string, Member>, now: number, branch?: string): BranchGroup[] {
  const rows = holds.filter((h) => !branch || h.pickupBranch === branch)
    .sort((a, b) => (a.readyUntil ?? 0) - (b.readyUntil ?? 0))
    .map((h) => ({ ...row(h, records.get(h.recordId), members.get(h.memberId)), readyUntil: readyUntilText(h.readyUntil ?? now, now) }));
  return grouped(rows, (r) => r.pickupBranch);
}
