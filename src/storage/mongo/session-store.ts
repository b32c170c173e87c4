import type { Db, Filter } from 'mongodb';
import type { SessionStore } from '../store.js';
import { PRIMARY, type SessionDocument } from './session-document.js';

/**
 * Matches the session only while it exists and has not expired at `now`:
 * the filter of every save that must not bring an ended session back.
 */
export function liveSessionFilter(id: string, now: number): Filter<SessionDocument> {
  return { _id: id, expiresAt: { $gt: new Date(now) } };
}

/** Sessions on MongoDB. Expired means `expiresAt <= now`, for get and purge alike, whether or not TTL has run. */
export function createSessionStore(db: Db): SessionStore {
  const sessions = db.collection<SessionDocument>('sessions', PRIMARY);
  const read = async (id: string, now: number) => {
    const doc = await sessions.findOne(liveSessionFilter(id, now), { projection: { data: 1, expiresAt: 1 } });
    return doc ? { data: doc.data, expiresAt: doc.expiresAt.getTime() } : null;
  };
  return {
    async get(id, now) {
      return (await read(id, now))?.data ?? null;
    },
    read,
    async set(id, data, expiresAt) {
      // $set leaves `basket` alone: the basket is only ever changed by its own atomic updates.
      await sessions.updateOne({ _id: id }, { $set: { data, expiresAt: new Date(expiresAt) } }, { upsert: true });
    },
    async update(id, data, expiresAt, now) {
      // No upsert: a session deleted at logout while this request was in flight stays deleted.
      const result = await sessions.updateOne(liveSessionFilter(id, now), { $set: { data, expiresAt: new Date(expiresAt) } });
      return result.matchedCount === 1;
    },
    async destroy(id) {
      await sessions.deleteOne({ _id: id });
    },
    async purgeExpired(now) {
      return (await sessions.deleteMany({ expiresAt: { $lte: new Date(now) } })).deletedCount;
    },
  };
}
