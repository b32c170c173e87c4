import type { Db, Filter } from 'mongodb';
import type { BasketAddResult, BasketStore } from '../store.js';
import type { SessionDocument } from './session-document.js';
import { liveSessionFilter } from './session-store.js';

/**
 * Matches the session only while its basket has room: the basket is not
 * full while position `limit - 1` does not exist. Part of the update filter,
 * so the check and the add are one atomic step on the server.
 */
export function basketRoomFilter(sessionId: string, limit: number, liveAt?: number): Filter<SessionDocument> {
  // A limit below 1 leaves no room at all; `basket.-1` would not be a valid path.
  if (limit < 1) return { _id: { $in: [] } };
  const room: Filter<SessionDocument> = { _id: sessionId, [`basket.${limit - 1}`]: { $exists: false } };
  // An add for a visit that started earlier goes only into a session that is still live: never one ended since.
  return liveAt === undefined ? room : { ...room, expiresAt: { $gt: new Date(liveAt) } };
}

/** Baskets as an array on the session document, changed with `$addToSet` and `$pull`, one atomic update per id. */
export function createBasketStore(db: Db): BasketStore {
  const sessions = db.collection<SessionDocument>('sessions');
  const basketOf = async (sessionId: string) =>
    (await sessions.findOne({ _id: sessionId }, { projection: { basket: 1 } }))?.basket ?? [];

  return {
    async add(sessionId, ids, limit, expiresAt, liveAt) {
      const ended = (): BasketAddResult => ({ added: [], alreadyIn: [], full: [], ended: true });
      if (liveAt === undefined) {
        await sessions.updateOne(
          { _id: sessionId },
          { $setOnInsert: { data: {}, expiresAt: new Date(expiresAt), basket: [] } },
          { upsert: true },
        );
      } else if ((await sessions.countDocuments(liveSessionFilter(sessionId, liveAt), { limit: 1 })) === 0) {
        return ended();
      }
      const result: BasketAddResult = { added: [], alreadyIn: [], full: [] };
      for (const id of ids) {
        // Never an upsert: if the session is deleted between two ids, the remaining updates match nothing.
        const update = await sessions.updateOne(basketRoomFilter(sessionId, limit, liveAt), { $addToSet: { basket: id } });
        if (update.modifiedCount === 1) result.added.push(id);
        else if (update.matchedCount === 1) result.alreadyIn.push(id);
        // No room: say "already in" rather than "full" when it is there, as the embedded store does.
        else if ((await sessions.countDocuments({ _id: sessionId, basket: id }, { limit: 1 })) > 0) result.alreadyIn.push(id);
        else if (liveAt !== undefined && (await sessions.countDocuments(liveSessionFilter(sessionId, liveAt), { limit: 1 })) === 0) return ended();
        else result.full.push(id);
      }
      return result;
    },
    async remove(sessionId, ids) {
      const unique = [...new Set(ids)];
      // The document before the $pull says exactly which ids were there to remove.
      const before = await sessions.findOneAndUpdate(
        { _id: sessionId },
        { $pull: { basket: { $in: unique } } },
        { projection: { basket: 1 }, returnDocument: 'before' },
      );
      return unique.filter((id) => before?.basket?.includes(id)).length;
    },
    async clear(sessionId) {
      await sessions.updateOne({ _id: sessionId }, { $set: { basket: [] } });
    },
    async list(sessionId) {
      return basketOf(sessionId);
    },
    async count(sessionId) {
      return (await basketOf(sessionId)).length;
    },
  };
}
