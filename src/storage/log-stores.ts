/** What a logged-in (or trying to log in) member did; librarians read these (issue 9). */
export type AuditAction = 'login' | 'login-failed' | 'logout' | 'reserve' | 'cancel' | 'view-account';

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
  /** Milliseconds since the epoch, a whole minute. */
  at: number;
}

export interface SearchLogStore {
  append(entry: SearchLogEntry): Promise<void>;
  /** Entries with `from <= at < to`, oldest first (order within a minute is arbitrary). */
  list(from: number, to: number): Promise<SearchLogEntry[]>;
  deleteOlderThan(cutoff: number): Promise<number>;
}
