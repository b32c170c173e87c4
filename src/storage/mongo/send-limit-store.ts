import { MongoServerError, type Db, type Document, type Filter, type IndexDescription } from 'mongodb';
import type { SendLimit, SendLimitStore } from '../store.js';

export interface SendLimitDocument {
  _id: string;
  used: number;
  windowEnds: Date;
}

/** The TTL monitor deletes a counter once its window has ended. */
export const SEND_LIMIT_INDEXES: IndexDescription[] = [{ name: 'send_limits_ttl', key: { windowEnds: 1 }, expireAfterSeconds: 0 }];

/**
 * Matches the counter only while it has room, or its window has ended: the
 * check is part of the update, so it and the count are one atomic step. A
 * counter that is used up is not matched, and the upsert then fails on the
 * duplicate `_id`, which is how a spent limit shows.
 */
export function sendLimitRoomFilter(limit: SendLimit, now: number): Filter<SendLimitDocument> {
  return { _id: limit.key, $or: [{ windowEnds: { $lte: new Date(now) } }, { used: { $lt: limit.max } }] };
}

/** Counts one use: a new window when the last has ended (or on a new document), else one more. */
export function sendLimitCountUpdate(limit: SendLimit, nowMs: number): Document[] {
  const now = new Date(nowMs);
  const fresh = { $not: [{ $gt: ['$windowEnds', now] }] };
  return [{ $set: {
    used: { $cond: [fresh, 1, { $add: ['$used', 1] }] },
    windowEnds: { $cond: [fresh, new Date(nowMs + limit.windowMs), '$windowEnds'] },
  } }];
}

/**
 * Send limits on MongoDB: each limit is one conditional update; when one is
 * spent, the uses already counted for the others in this take are given back,
 * so a refused send costs nothing and no limit is ever passed.
 */
export function createSendLimitStore(db: Db): SendLimitStore {
  const limits = db.collection<SendLimitDocument>('sendLimits');
  const countOne = async (limit: SendLimit, now: number): Promise<boolean> => {
    try {
      await limits.updateOne(sendLimitRoomFilter(limit, now), sendLimitCountUpdate(limit, now), { upsert: true });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  };
  return {
    async take(wanted, now) {
      const taken: SendLimit[] = [];
      for (const limit of wanted) {
        if (!(await countOne(limit, now))) {
          for (const back of taken) await limits.updateOne({ _id: back.key, used: { $gt: 0 } }, { $inc: { used: -1 } });
          return limit;
        }
        taken.push(limit);
      }
      return null;
    },
    async purgeExpired(now) {
      return (await limits.deleteMany({ windowEnds: { $lte: new Date(now) } })).deletedCount;
    },
  };
}
