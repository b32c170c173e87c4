import type { CatalogueRecord } from '../model/record.js';
import type { StoreSearchQuery, StoreSearchResult } from '../model/search-query.js';
import type { LoanStore, LoginAttemptStore, MemberStore, ReservationStore } from './member-stores.js';
import type { AuditStore, SearchLogStore } from './log-stores.js';
import type { ListStore } from './list-store.js';
import type { ImportRunStore } from './import-run-store.js';
import type { SendLimitStore } from './send-limit-store.js';
import type { RecordRow } from './embedded/record-rows.js';

export type * from './member-stores.js';
export type * from './log-stores.js';
export type * from './import-run-store.js';
export type * from './send-limit-store.js';

/** What an upsert did to each record: counted by imports, identical in every adapter. */
export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** The catalogue: documents keyed by record id. */
/** A word of the search index and how many records hold it. */
export interface VocabularyTerm {
  term: string;
  docs: number;
}

/** Rows written into one open transaction: all of them are committed, or none. */
export interface BatchWriter {
  /** Write rows into the open transaction (beginning one if none is open); if it throws, the batch is rolled back. */
  write(rows: RecordRow[]): UpsertCounts;
  commit(): void;
  rollback(): void;
}

export interface RecordStore {
  /**
   * Insert or replace by id, in one transaction (embedded) or one unordered
   * bulkWrite (MongoDB). A record equal to the stored one counts as unchanged.
   */
  upsertMany(records: CatalogueRecord[]): Promise<UpsertCounts>;
  /**
   * The same as upsertMany, for records given as the rows the import's
   * reading thread worked out for the embedded store (record-rows.ts), so
   * the writing thread need not parse each document back into a record.
   * Optional, like bulkLoad: only the embedded store has it.
   */
  upsertRows?(rows: RecordRow[]): Promise<UpsertCounts>;
  /**
   * Writes of rows (as upsertRows) that share one transaction until
   * `commit`, so an import can write each part of a batch as it arrives
   * instead of holding the whole batch in memory first; undefined when the
   * adapter would rather take whole batches (the embedded store: unless the
   * catalogue is empty, see record-writes.ts). Any other write on the same
   * connection meanwhile joins that transaction: for an import on a store of
   * its own, or before anything else uses it. Optional: only the embedded
   * store has it.
   */
  batchWriter?(): BatchWriter | undefined;
  get(id: string): Promise<CatalogueRecord | null>;
  /** Records in the order of `ids`; unknown ids are left out. */
  getMany(ids: string[]): Promise<CatalogueRecord[]>;
  search(query: StoreSearchQuery): Promise<StoreSearchResult>;
  count(): Promise<number>;
  /**
   * A mark of the catalogue's state: it changes with every import that
   * changes a record, and with clear. Whatever was worked out from the
   * catalogue (a page, a count) is still true while the mark is the same.
   */
  version(): Promise<string>;
  /**
   * Words of the search index that start with `prefix` (lower case, folded as
   * indexed), in order, at most `limit`, each with how many records hold it:
   * the catalogue's own vocabulary, read live, for word forms and "Did you mean".
   */
  vocabulary(prefix: string, limit: number): Promise<VocabularyTerm[]>;
  /** Empty the catalogue (used by `seed --replace`). */
  clear(): Promise<void>;
  /**
   * Run an import's upserts as one bulk load, when the adapter has a faster
   * way for it (the embedded store fills an empty catalogue without its
   * secondary indexes and builds them once at the end). Optional: without
   * it, or once `work` ends, every read and write behaves as usual.
   */
  bulkLoad?<T>(work: () => Promise<T>): Promise<T>;
}

/** Server-side session data; the cookie only carries the id. */
export type SessionData = Record<string, unknown>;

/** A session as read: its data and when it ends unless renewed. */
export interface StoredSession {
  data: SessionData;
  expiresAt: number;
}

/**
 * Sessions with an absolute expiry, renewed on every request (idle timeout).
 * Maps onto one MongoDB collection with a TTL index on `expiresAt`.
 */
export interface SessionStore {
  /** The data, or null when unknown or expired at `now` (expired means gone, even if not yet purged). */
  get(id: string, now: number): Promise<SessionData | null>;
  /** The data with its expiry, or null as for `get`. */
  read(id: string, now: number): Promise<StoredSession | null>;
  /**
   * Create or replace the data and push the expiry to `expiresAt`; the basket
   * is left alone. Only for a session id this request made (a new visit, or
   * the new id at login): any other save goes through `update`, so a session
   * that has ended is never written back.
   */
  set(id: string, data: SessionData, expiresAt: number): Promise<void>;
  /**
   * Replace the data and push the expiry of a session that still exists and
   * has not expired at `now`; returns false, and writes nothing, when it has
   * gone (logged out, or ended) since the request read it.
   */
  update(id: string, data: SessionData, expiresAt: number, now: number): Promise<boolean>;
  /** Delete the session and its basket. */
  destroy(id: string): Promise<void>;
  /** Delete every session (with its basket) that expired before `now`; returns how many. */
  purgeExpired(now: number): Promise<number>;
}

/** Result of a basket add: every requested id lands in exactly one list, unless the visit had `ended`. */
export interface BasketAddResult {
  added: string[];
  alreadyIn: string[];
  /** Refused because the basket reached its limit. */
  full: string[];
  /** Present when the visit had ended before the add: then no list holds any id, and nothing was written. */
  ended?: true;
}

/**
 * The media basket of one session: record ids in the order added, changed
 * atomically per id (never a read-modify-write of the session).
 */
export interface BasketStore {
  /**
   * Add ids in order until the basket holds `limit` items.
   * Without `liveAt` (a visit that starts in this request) it creates the
   * session entry if it does not exist yet, expiring at `expiresAt`. With
   * `liveAt` the session must exist and not have expired at that time;
   * otherwise nothing is added or created and the result says `ended`, so
   * an add still in flight at logout cannot bring the session back.
   */
  add(sessionId: string, ids: string[], limit: number, expiresAt: number, liveAt?: number): Promise<BasketAddResult>;
  /** Returns how many ids were removed. */
  remove(sessionId: string, ids: string[]): Promise<number>;
  clear(sessionId: string): Promise<void>;
  list(sessionId: string): Promise<string[]>;
  count(sessionId: string): Promise<number>;
}

/** One day of first-party analytics: distinct visitors, and how many of them had come on an earlier day. */
export interface DailyVisits {
  /** YYYY-MM-DD (UTC). */
  day: string;
  visitors: number;
  returning: number;
}

/**
 * Anonymous visitor counts, kept only for visitors who accepted analytics
 * cookies. Holds (day, visitor key) pairs and nothing else: no page, search,
 * address or member.
 */
export interface VisitStore {
  /** Count this visitor on this day; a second record for the same pair changes nothing. */
  record(visitorKey: string, day: string): Promise<void>;
  /** One entry per day from `from` to `to` (inclusive) that had any visitor, oldest first. */
  daily(from: string, to: string): Promise<DailyVisits[]>;
}

/**
 * Everything Shelfmark keeps, behind one interface chosen once at boot:
 * the embedded SQLite adapter by default, MongoDB when MONGODB_URL is set.
 */
export interface Store {
  readonly kind: 'embedded' | 'mongodb';
  records: RecordStore;
  sessions: SessionStore;
  baskets: BasketStore;
  visits: VisitStore;
  /** Members' saved lists, kept after the visit (issue 6). */
  lists: ListStore;
  members: MemberStore;
  loginAttempts: LoginAttemptStore;
  reservations: ReservationStore;
  loans: LoanStore;
  audit: AuditStore;
  searchLog: SearchLogStore;
  /** Imports started from the librarian console (issue 9). */
  imports: ImportRunStore;
  /** Limits on basket emails, per recipient, per client and overall (issue 13). */
  sendLimits: SendLimitStore;
  /** Cheap readiness probe for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
