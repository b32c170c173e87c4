import type { Db } from 'mongodb';
import type { SessionStore } from '../store.js';
import { PRIMARY, type SessionDocument } from './session-document.js';

/** Sessions on MongoDB. Expired means `expiresAt <= now`, for get and purge alike, whether or not TTL has run. */
export function createSessionStore(db: Db): SessionStore {
  const sessions = db.collection<SessionDocument>('sessions', PRIMARY);
  return {
    async get(id, now) {
      const doc = await sessions.findOne({ _id: id, expiresAt: { $gt: new Date(now) } }, { projection: { data: 1 } });
      return doc?.data ?? null;
    },
    async set(id, data, expiresAt) {
      // $set leaves `basket` alone: the basket is only ever changed by its own atomic updates.
      await sessions.updateOne({ _id: id }, { $set: { data, expiresAt: new Date(expiresAt) } }, { upsert: true });
    },
    async destroy(id) {
      await sessions.deleteOne({ _id: id });
    },
    async purgeExpired(now) {
      return (await sessions.deleteMany({ expiresAt: { $lte: new Date(now) } })).deletedCount;
    },
  };
}
