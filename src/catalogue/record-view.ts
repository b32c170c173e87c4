import { isAvailable, STATUS_LABELS, type CatalogueRecord } from '../model/record.js';
import { languageName, mediaTypeLabel } from './labels.js';
import { availability, isFreeOnShelf, NO_HOLDS, type HoldCounts } from './availability.js';
import { isOverdue, memberDate } from '../text/member-date.js';
import { seriesName } from './series.js';

const searchFor = (query: string) => `/search?${new URLSearchParams({ q: query }).toString()}`;

/** ISBN-13 with the usual hyphen after the prefix, for reading. */
function formatIsbn(isbn: string): string {
  return isbn.length === 13 ? `${isbn.slice(0, 3)}-${isbn.slice(3)}` : isbn;
}

/** A copy's status as the record page says it: a copy held for a member is not on offer, a reference copy stays in. */
function copyStatus(h: CatalogueRecord['holdings'][number], holds: HoldCounts): string {
  if (holds.heldItemIds.includes(h.itemId)) return 'Reserved for a member';
  if (h.status === 'reference') return 'For use in the library';
  return STATUS_LABELS[h.status] ?? h.status;
}

/**
 * Everything templates/catalogue/record.njk shows; `now` (the injected clock) dates the due-back days,
 * and `holds` makes the counts honest about copies reserved for members.
 */
export function recordView(record: CatalogueRecord, inBasket: boolean, permalink: string, now: number, holds: HoldCounts = NO_HOLDS) {
  const branches = new Map<string, { branch: string; available: number; copies: { shelfmark: string; status: string; due?: string; overdue: boolean; location?: string }[] }>();
  for (const h of record.holdings) {
    const entry = branches.get(h.branch) ?? { branch: h.branch, available: 0, copies: [] };
    if (isFreeOnShelf(h, holds)) entry.available += 1;
    entry.copies.push({
      shelfmark: h.shelfmark,
      status: copyStatus(h, holds),
      due: h.dueDate && memberDate(h.dueDate, now),
      overdue: h.status === 'on-loan' && !!h.dueDate && isOverdue(h.dueDate, now),
      location: h.location,
    });
    branches.set(h.branch, entry);
  }
  return {
    ...record,
    author: record.authors[0],
    otherAuthors: record.authors.slice(1),
    mediaTypeLabel: mediaTypeLabel(record.mediaType),
    languageNames: record.languages.map(languageName),
    isbnsFormatted: record.isbns.map(formatIsbn),
    available: isAvailable(record),
    availability: availability(record, holds),
    branches: [...branches.values()].sort((a, b) => a.branch.localeCompare(b.branch)),
    onlineLinks: (record.links ?? []).map((link) => ({ url: link.url, label: link.label ?? 'Read or borrow online', host: new URL(link.url).hostname.replace(/^www\./, '') })),
    inBasket,
    permalink,
    authorHref: (name: string) => searchFor(`author:"${name}"`),
    subjectHref: (name: string) => searchFor(`subject:"${name}"`),
    // The series without its volume, so the link finds the whole series, not this book again.
    seriesHref: (entry: string) => searchFor(`series:"${seriesName(entry)}"`),
    // "Find more": by the first author, in each series (named once), on each subject.
    more: {
      author: record.authors[0] && { name: record.authors[0], href: searchFor(`author:"${record.authors[0]}"`) },
      series: [...new Set(record.series.map(seriesName))].map((name) => ({ name, href: searchFor(`series:"${name}"`) })),
      subjects: record.subjects.map((name) => ({ name, href: searchFor(`subject:"${name}"`) })),
    },
  };
}
