/** Who may do what: librarians also reach the console (issue 9). */
export type MemberRole = 'member' | 'librarian';

/** A library member as the store keeps them. The PIN is only ever held as a hash. */
export interface Member {
  id: string;
  /** The library card number, upper case, no spaces: the login name. */
  card: string;
  /** `scrypt$N$r$p$salt$hash` (see src/members/pin-hash.ts). */
  pinHash: string;
  name: string;
  email: string;
  homeBranch: string;
  role: MemberRole;
  createdAt: number;
  /** Set while a librarian has disabled the card: it cannot log in. Absent for an active member. */
  disabledAt?: number;
}

/** Which members a librarian's list shows: a card or part of a name. */
export interface MemberListFilter {
  /** Matches a card exactly (as normalised) or any part of a name, case-insensitively. */
  text?: string;
}

/** A card number already belongs to another member. */
export class DuplicateCard extends Error {
  override name = 'DuplicateCard';
}

/** Members, found by id (the session holds it) or by card (login). */
export interface MemberStore {
  /** Throws DuplicateCard when the card is taken (a unique index, not a prior read). */
  add(member: Member): Promise<void>;
  get(id: string): Promise<Member | null>;
  getByCard(card: string): Promise<Member | null>;
  /** Returns false when no member has that card. */
  setPinHash(card: string, pinHash: string): Promise<boolean>;
  count(): Promise<number>;
  /** Members in the order of `ids`; unknown ids are left out. */
  getMany(ids: string[]): Promise<Member[]>;
  /** A page of members by name (then card), with how many match in all. */
  list(filter: MemberListFilter, offset: number, limit: number): Promise<{ total: number; members: Member[] }>;
  /** Disables the member from `at`, or re-enables them with null; false when no member has that id. */
  setDisabled(id: string, at: number | null): Promise<boolean>;
}

/** When repeated failures lock a key (a card, or a client address). */
export interface LockPolicy {
  /** Attempts within one window; the one that reaches it locks the key, and any beyond it is refused unchecked. */
  maxAttempts: number;
  /** A window starts at the first attempt and lasts this long; the lock lasts as long from the attempt that set it. */
  windowMs: number;
}

export interface AttemptState {
  /** Attempts reserved in the current window, this one included. */
  attempts: number;
  /** Set while the key is locked. */
  lockedUntil: number | null;
}

/**
 * Login-attempt counters keyed by any string ("card:…", "addr:…"), so that a
 * card that does not exist is throttled exactly like one that does. An attempt
 * is reserved before the PIN is checked, so parallel guesses cannot all pass
 * a check made before any of them is counted.
 */
export interface LoginAttemptStore {
  /**
   * Counts one attempt atomically and returns the count with it, locking the
   * key when the count reaches the policy's maximum. A count over the maximum
   * means: refuse without checking the PIN.
   */
  reserve(key: string, now: number, policy: LockPolicy): Promise<AttemptState>;
  /** Gives back one reserved attempt (it succeeded); the key unlocks when it falls below the maximum. */
  release(key: string, now: number, policy: LockPolicy): Promise<void>;
  /** The state at `now`: a window or lock that has ended counts as nothing. */
  get(key: string, now: number): Promise<AttemptState>;
  clear(key: string): Promise<void>;
  purgeExpired(now: number): Promise<number>;
}

/** `active` while the hold is live; it ends collected, expired (not collected in time) or cancelled. */
export type ReservationStatus = 'active' | 'cancelled' | 'collected' | 'expired';

/**
 * Where a live hold is: `waiting` in the title's queue (no copy yet),
 * `in-transit` with a copy held for it that has not reached the hold shelf,
 * `ready` on the hold shelf at the pickup branch until `readyUntil`.
 */
export type HoldStage = 'waiting' | 'in-transit' | 'ready';

/** One hold on a record for one member, to collect at a branch; a copy is held for it unless it is waiting. */
export interface Reservation {
  id: string;
  memberId: string;
  recordId: string;
  /** The copy held for this member; absent while the hold waits in the queue. */
  itemId?: string;
  pickupBranch: string;
  status: ReservationStatus;
  /** The last stage a live hold reached (kept when it ends). */
  stage: HoldStage;
  createdAt: number;
  cancelledAt?: number;
  /** When a ready hold stops waiting on the shelf. */
  readyUntil?: number;
  /** When it was collected or expired. */
  endedAt?: number;
  /** 1 for the next in the title's queue; set only on waiting holds, counted when read. */
  position?: number;
}

export interface ReserveRequest {
  id: string;
  memberId: string;
  recordId: string;
  /** Copies of the record that may be reserved, most wanted first. */
  itemIds: string[];
  pickupBranch: string;
  now: number;
  /** Most live reservations (waiting ones included) a member may hold. */
  limit: number;
}

/** What one reserve did: nothing is silently dropped. */
export type ReserveResult =
  | { outcome: 'reserved'; reservation: Reservation }
  /** Every copy is held for someone else: the member joined the title's queue at `reservation.position`. */
  | { outcome: 'queued'; reservation: Reservation }
  | { outcome: 'already-reserved'; reservation: Reservation }
  /** The reservation id was already used: that request gets nothing. */
  | { outcome: 'taken' }
  | { outcome: 'limit-reached' };

/** A hold that ended and freed its copy, with the waiting hold the copy went to (null when nobody waited). */
export interface FreedCopy {
  ended: Reservation;
  offered: Reservation | null;
}

/** The holds on one record, for availability: copies held (in transit or ready) and members waiting. */
export interface RecordHolds {
  heldItemIds: string[];
  waiting: number;
}

/**
 * Reservations, and the queue per title. A copy is held for one member at a
 * time and a member holds a record once, both enforced by unique indexes
 * over live rows. When no copy is free the member joins the queue; positions
 * are exact under concurrency, and a copy freed by a cancel or an expiry goes
 * to the first in the queue.
 */
export interface ReservationStore {
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** Newest first; waiting holds carry their queue position. */
  listForMember(memberId: string, status?: ReservationStatus): Promise<Reservation[]>;
  /**
   * Cancels the member's own live reservation (a waiting one leaves the queue and
   * those behind move up; a held copy goes to the next in the queue). Null when
   * there is no live one with that id.
   */
  cancel(memberId: string, reservationId: string, now: number): Promise<FreedCopy | null>;
  /** Live holds at one stage, oldest first: `in-transit` is the pick list, `ready` the hold shelf. */
  listAtStage(stage: 'in-transit' | 'ready'): Promise<Reservation[]>;
  get(reservationId: string): Promise<Reservation | null>;
  /** An in-transit hold reaches the hold shelf: ready until `readyUntil`. Null when it is not in transit. */
  checkIn(reservationId: string, now: number, readyUntil: number): Promise<Reservation | null>;
  /** A ready hold is collected. Null when it is not ready. */
  collect(reservationId: string, now: number): Promise<Reservation | null>;
  /** Ends every ready hold whose time ran out by `now`, offering each copy to the next in its queue. */
  expireReady(now: number): Promise<FreedCopy[]>;
  /** Holds per record id asked for (records with none are left out). */
  holdsFor(recordIds: string[]): Promise<Map<string, RecordHolds>>;
}

/** A current loan (demo data: there is no circulation system behind Shelfmark). */
export interface Loan {
  memberId: string;
  recordId: string;
  itemId: string;
  title: string;
  loanedAt: number;
  /** ISO date. */
  dueDate: string;
}

export interface LoanStore {
  add(loans: Loan[]): Promise<void>;
  /** Soonest due first. */
  listForMember(memberId: string): Promise<Loan[]>;
}
