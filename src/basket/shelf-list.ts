import { fullTitle, isAvailable, recordPath, STATUS_LABELS, type CatalogueRecord, type HoldingStatus } from '../model/record.js';
import { mediaTypeLabel } from '../catalogue/labels.js';
import { isOverdue, memberDate } from '../text/member-date.js';

/** One copy as a line to take to the shelves. */
export interface ShelfCopy {
  branch: string;
  shelfmark: string;
  status: string;
  available: boolean;
}

/** One basket item with its copies grouped by branch (branches A–Z), as print, email and CSV show it. */
export interface ShelfItem {
  id: string;
  title: string;
  authors: string;
  year?: number;
  isbns: string[];
  mediaType: string;
  available: boolean;
  copies: ShelfCopy[];
  href: string;
}

/** How a due date is written: as it is stored ("2026-11-26") for a spreadsheet, or as a member reads it. */
export type DueText = (dueDate: string) => string;

/** "Thursday 26 November", and "overdue" after it, as of `now`: for the print view and the email. */
export function dueForMembers(now: number): DueText {
  return (dueDate) => `${memberDate(dueDate, now)}${isOverdue(dueDate, now) ? ' (overdue)' : ''}`;
}

function statusText(status: HoldingStatus, dueDate: string | undefined, due: DueText): string {
  return status === 'on-loan' && dueDate ? `On loan, due ${due(dueDate)}` : STATUS_LABELS[status];
}

/** The record as a shelf list entry; `href` is the record page path on this site. */
export function shelfItem(record: CatalogueRecord, due: DueText = (d) => d): ShelfItem {
  const copies = record.holdings
    .map((h) => ({ branch: h.branch, shelfmark: h.shelfmark, status: statusText(h.status, h.dueDate, due), available: h.status === 'available' }))
    .sort((a, b) => a.branch.localeCompare(b.branch) || a.shelfmark.localeCompare(b.shelfmark));
  return {
    id: record.id,
    title: fullTitle(record),
    authors: record.authors.join('; '),
    year: record.year,
    isbns: record.isbns,
    mediaType: mediaTypeLabel(record.mediaType),
    available: isAvailable(record),
    copies,
    href: recordPath(record.id),
  };
}
