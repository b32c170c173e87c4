/**
 * What a logged-in (or trying to log in) member did; librarians read these (issue 9).
 * Actions only, never page views (issue 20): `view-account` and `librarian-view` are no
 * longer written, and stay here so entries written before still read.
 * The `librarian-` and `member-` actions are the console's own; a `member-` entry's
 * target is the id of the member it changed. `pin-change` is a member changing their own PIN.
 */
export const AUDIT_ACTIONS = [
  'login', 'login-failed', 'logout', 'reserve', 'cancel', 'view-account',
  // A hold's way (issue 18): joining a title's queue, a freed copy offered to the next in it, checked in
  // ready to collect, collected, or expired uncollected by the daily job.
  'queue', 'hold-offer', 'hold-ready', 'hold-collect', 'hold-expire',
  'librarian-view', 'librarian-download', 'librarian-import',
  'member-add', 'member-disable', 'member-enable', 'member-pin-reset', 'pin-change', 'branches-change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the monitoring log. Never a PIN, never an address. */
export interface AuditEntry {
  at: number;
  /** Null for a failed login with a card no member has. */
  memberId: string | null;
  /** The card number used, so librarians can filter by card. */
  card: string;
  action: AuditAction;
  /** What the action was about: a record id, a reservation id, or a reason. */
  target: string;
}

export interface AuditFilter {
  card?: string;
  memberId?: string;
  /**
   * One person: entries by any of these cards or member ids, or about one of
   * these members (a `member-` entry whose target is the id).
   */
  person?: { cards: string[]; memberIds: string[] };
  action?: AuditAction;
  /** Inclusive lower bound on `at`. */
  from?: number;
  /** Exclusive upper bound on `at`. */
  to?: number;
}

/** The audit log: appended to, read newest first in pages, trimmed by age. */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  list(filter: AuditFilter, offset: number, limit: number): Promise<{ total: number; entries: AuditEntry[] }>;
  /**
   * Every matching entry, newest first, in batches each read from where the
   * last one ended (by key, never by offset), so an export of the whole log
   * costs the same per line at the end as at the start.
   */
  export(filter: AuditFilter, batchSize?: number): AsyncIterable<AuditEntry[]>;
  /** Deletes entries with `at` before `cutoff`; returns how many. */
  deleteOlderThan(cutoff: number): Promise<number>;
}

/**
 * One search, anonymous by construction: no session, member, address or
 * agent, and the time rounded down to the minute, so an entry cannot be
 * tied back to a visit.
 */
export interface SearchLogEntry {
  /** Folded: lower case, no accents, single spaces. */
  query: string;
  /** "field:value", sorted. */
  filters: string[];
  results: number;
  /** Which result page was asked for, so paging can be told apart from new searches. */
  page: number;
  /**
   * `typed`: a search a member typed (or asked for anew, like a suggestion);
   * `facet`: a value ticked on a results page. Only typed searches count as
   * searches in the demand report; ticked values feed "most used filters".
   * Sorting, paging and returning to a page are never logged.
   */
  kind: SearchKind;
  /** Milliseconds since the epoch; the store keeps it rounded down to the minute. */
  at: number;
  /**
   * Which visit searched, as a key that cannot be traced back: a keyed hash of
   * the client address under a salt that is never stored and changes every day
   * (catalogue/visit-key.ts). Only used to count distinct visits; never listed.
   */
  visit?: string;
}

export type SearchKind = 'typed' | 'facet';

/** Typed searches on one UTC day. */
export interface DailySearches {
  /** YYYY-MM-DD (UTC). */
  day: string;
  searches: number;
  /** Of those, how many found nothing (their result count was 0). */
  zeroResults: number;
}

/** How often one (already folded) query, or one "field:value" filter, was searched. */
export interface DemandCount {
  value: string;
  searches: number;
}

/**
 * The search log, and the demand reports librarians read from it (issue 9).
 * Reports count searches, not pages: only entries for the first result page,
 * since moving to page 2 is the same search again. Every report covers
 * `from <= at < to`; each is one GROUP BY (embedded) or one aggregation (MongoDB).
 */
export interface SearchLogStore {
  append(entry: SearchLogEntry): Promise<void>;
  /** Entries with `from <= at < to`, oldest first (order within a minute is arbitrary). */
  list(from: number, to: number): Promise<SearchLogEntry[]>;
  deleteOlderThan(cutoff: number): Promise<number>;
  /** Typed searches per UTC day, oldest first; days without a search are left out. */
  daily(from: number, to: number): Promise<DailySearches[]>;
  /**
   * The most searched non-empty typed queries, most first, ties in query order.
   * With `zeroResults`, only searches that found nothing count.
   */
  topQueries(from: number, to: number, limit: number, options?: { zeroResults?: boolean; minVisits?: number }): Promise<DemandCount[]>;
  /**
   * The filters ("field:value") most often part of a search or a ticked value, most first, ties in filter order.
   * With `minVisits`, only values searched from at least that many distinct visits (k-anonymity).
   */
  topFilters(from: number, to: number, limit: number, options?: { minVisits?: number }): Promise<DemandCount[]>;
}
