import type { Db, Document } from 'mongodb';
import type { BasketAddResult, BasketStore } from '../store.js';
import { PRIMARY, type SessionDocument } from './session-document.js';
import { liveSessionFilter } from './session-store.js';

const BASKET = { $ifNull: ['$basket', []] };

/**
 * The whole add as one update pipeline, computed on the server against the
 * document as it is: the ids not yet in the basket, in the order given, cut
 * to the room left, appended. `$concatArrays` keeps the order added, which
 * `$setUnion` would not (its output order is unspecified). The ids are a
 * `$literal`, so an id starting with `$` is never read as a field path.
 */
export function basketAddUpdate(ids: string[], limit: number, expiresAt: number): Document[] {
  const unique = [...new Set(ids)];
  const fresh = { $filter: { input: { $literal: unique }, as: 'id', cond: { $not: [{ $in: ['$$id', BASKET] }] } } };
  const room = { $subtract: [limit, { $size: BASKET }] };
  return [{
    $set: {
      data: { $ifNull: ['$data', {}] },
      expiresAt: { $ifNull: ['$expiresAt', new Date(expiresAt)] },
      basket: { $concatArrays: [BASKET, { $cond: [{ $gt: [room, 0] }, { $slice: [fresh, room] }, []] }] },
    },
  }];
}

/** What the update did, read from the basket before it: the same walk the embedded store makes. */
export function basketAddResult(before: string[], ids: string[], limit: number): BasketAddResult {
  const result: BasketAddResult = { added: [], alreadyIn: [], full: [] };
  const inBasket = new Set(before);
  for (const id of ids) {
    if (inBasket.has(id)) result.alreadyIn.push(id);
    else if (inBasket.size >= limit) result.full.push(id);
    else {
      inBasket.add(id);
      result.added.push(id);
    }
  }
  return result;
}

/** Baskets as an array on the session document, read from the primary; an add is one atomic update, whatever the number of ids. */
export function createBasketStore(db: Db): BasketStore {
  const sessions = db.collection<SessionDocument>('sessions', PRIMARY);
  const basketOf = async (sessionId: string) =>
    (await sessions.findOne({ _id: sessionId }, { projection: { basket: 1 } }))?.basket ?? [];

  return {
    async add(sessionId, ids, limit, expiresAt, liveAt) {
      // A visit this request began may create its session; any other add goes only into a session still live,
      // never an upsert, so a session ended meanwhile stays ended.
      const filter = liveAt === undefined ? { _id: sessionId } : liveSessionFilter(sessionId, liveAt);
      const before = await sessions.findOneAndUpdate(filter, basketAddUpdate(ids, limit, expiresAt), {
        upsert: liveAt === undefined, returnDocument: 'before', projection: { basket: 1 },
      });
      if (before === null && liveAt !== undefined) return { added: [], alreadyIn: [], full: [], ended: true };
      return basketAddResult(before?.basket ?? [], ids, limit);
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
