import type { Db, Document, IndexDescription } from 'mongodb';
import type { AttemptState, LockPolicy, LoginAttemptStore } from '../member-stores.js';

export interface AttemptDocument {
  _id: string;
  /** Attempts reserved in the window (the field keeps its first name). */
  failures: number;
  windowEnds: Date;
  lockedUntil: Date | null;
  /** The later of the two: when the TTL monitor may delete the document. */
  expiresAt: Date;
}

/** The TTL monitor deletes counters once their window and lock have both ended. */
export const LOGIN_ATTEMPT_INDEXES: IndexDescription[] = [{ name: 'login_attempts_ttl', key: { expiresAt: 1 }, expireAfterSeconds: 0 }];

/** What a counter document means at `now`: nothing once its window and lock have ended. */
export function stateAt(doc: AttemptDocument | null, now: number): AttemptState {
  if (!doc || doc.expiresAt.getTime() <= now) return { attempts: 0, lockedUntil: null };
  const locked = doc.lockedUntil && doc.lockedUntil.getTime() > now ? doc.lockedUntil.getTime() : null;
  return { attempts: doc.failures, lockedUntil: locked };
}

const keptUntil = { $set: { expiresAt: { $max: ['$windowEnds', '$lockedUntil'] } } };

/**
 * The update that reserves one attempt at `nowMs`: start a new window when the
 * last one (and any lock) has ended, else count on; lock on reaching the
 * policy's maximum, from that attempt (later ones do not extend it). A missing
 * field compares below any date, so a document the upsert has just created
 * starts fresh too.
 */
export function reserveUpdate(nowMs: number, policy: LockPolicy): Document[] {
  const now = new Date(nowMs);
  const ends = new Date(nowMs + policy.windowMs);
  const fresh = { $not: [{ $gt: ['$expiresAt', now] }] };
  return [
    { $set: {
      failures: { $cond: [fresh, 1, { $add: ['$failures', 1] }] },
      windowEnds: { $cond: [fresh, ends, '$windowEnds'] },
      lockedUntil: { $cond: [fresh, null, '$lockedUntil'] },
    } },
    { $set: { lockedUntil: { $cond: [{ $gte: ['$failures', policy.maxAttempts] }, { $ifNull: ['$lockedUntil', ends] }, '$lockedUntil'] } } },
    keptUntil,
  ];
}

/** The update that gives one attempt back, unlocking below the maximum; applied only to a live counter. */
export function releaseUpdate(policy: LockPolicy): Document[] {
  return [
    { $set: { failures: { $max: [{ $subtract: ['$failures', 1] }, 0] } } },
    { $set: { lockedUntil: { $cond: [{ $lt: ['$failures', policy.maxAttempts] }, null, '$lockedUntil'] } } },
    keptUntil,
  ];
}

/**
 * Attempt counters on MongoDB. A reservation is one findOneAndUpdate with an
 * aggregation-pipeline update returning the new document, so the count, the
 * "start a new window or count on" choice and the lock are computed
 * atomically on the server.
 */
export function createLoginAttemptStore(db: Db): LoginAttemptStore {
  const attempts = db.collection<AttemptDocument>('loginAttempts');
  return {
    async reserve(key, nowMs, policy) {
      const doc = await attempts.findOneAndUpdate(
        { _id: key },
        reserveUpdate(nowMs, policy),
        { upsert: true, returnDocument: 'after' },
      );
      return stateAt(doc, nowMs);
    },
    async release(key, nowMs, policy) {
      await attempts.updateOne({ _id: key, expiresAt: { $gt: new Date(nowMs) } }, releaseUpdate(policy));
    },
    async get(key, now) {
      return stateAt(await attempts.findOne({ _id: key }), now);
    },
    async clear(key) {
      await attempts.deleteOne({ _id: key });
    },
    async purgeExpired(now) {
      return (await attempts.deleteMany({ expiresAt: { $lte: new Date(now) } })).deletedCount;
    },
  };
}
