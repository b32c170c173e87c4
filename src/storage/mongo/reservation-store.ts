import { randomUUID } from 'node:crypto';
import { MongoServerError, type Db, type Document, type IndexDescription } from 'mongodb';
import type { FreedCopy, RecordHolds, Reservation, ReservationStore, ReserveRequest, ReserveResult } from '../member-stores.js';

type ReservationDocument = Omit<Reservation, 'id' | 'position' | 'stage'> & { _id: string; stage?: Reservation['stage'] };

const ACTIVE = { partialFilterExpression: { status: 'active' } };

/**
 * A copy is held for one member, and a member holds a record once: both unique over live reservations
 * only. A waiting hold has no itemId, and a missing field would count as a null key, so the copy
 * index covers only holds that have one.
 */
export const RESERVATION_INDEXES: IndexDescription[] = [
  { name: 'reservations_item_active', key: { itemId: 1 }, unique: true, partialFilterExpression: { status: 'active', itemId: { $exists: true } } },
  { name: 'reservations_member_record_active', key: { memberId: 1, recordId: 1 }, unique: true, ...ACTIVE },
  { name: 'reservations_member', key: { memberId: 1, createdAt: -1 } },
  { name: 'reservations_record_active', key: { recordId: 1 }, ...ACTIVE },
  { name: 'reservations_stage_active', key: { stage: 1, createdAt: 1 }, ...ACTIVE },
];

/** Reservations made before the queue have no stage: they held a copy, so they were in transit. */
function toReservation({ _id, ...rest }: ReservationDocument, position?: number): Reservation {
  return { id: _id, ...rest, stage: rest.stage ?? 'in-transit', ...(position ? { position } : {}) };
}

function duplicateOn(error: unknown, field: string): boolean {
  return error instanceof MongoServerError && error.code === 11000 && Boolean(error.keyPattern?.[field]);
}

/** A place a reservation holds, or is about to: `n` tells apart two requests with the same id. */
interface Place {
  id: string;
  n: string;
  at: number;
}

/** One document per member: the places their active reservations hold, never more than the limit. */
interface PlacesDocument {
  _id: string;
  places: Place[];
}

/** A place taken this long ago with no reservation behind it was left by a process that stopped half-way. */
const ABANDONED_MS = 60_000;

/**
 * The limit as one conditional update: push a place only while position
 * `limit - 1` does not exist. When the document exists and is full the filter
 * misses, and the upsert's insert of the same `_id` fails with a duplicate
 * key: that failure is the refusal. Places abandoned by a stopped process
 * are given back, once, before saying no.
 */
async function takePlace(db: Db, memberId: string, place: Place, limit: number): Promise<boolean> {
  if (limit < 1) return false;
  const counters = db.collection<PlacesDocument>('reservationPlaces');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await counters.updateOne({ _id: memberId, [`places.${limit - 1}`]: { $exists: false } }, { $push: { places: place } }, { upsert: true });
      return true;
    } catch (error) {
      if (!duplicateOn(error, '_id')) throw error;
    }
    const old = ((await counters.findOne({ _id: memberId }))?.places ?? []).filter((p) => p.at < place.at - ABANDONED_MS);
    const held = new Set((await db.collection<ReservationDocument>('reservations').find({ _id: { $in: old.map((p) => p.id) }, status: 'active' }).toArray()).map((d) => d._id));
    const abandoned = old.filter((p) => !held.has(p.id)).map((p) => p.n);
    if (abandoned.length === 0 && attempt > 0) return false;
    if (abandoned.length > 0) await counters.updateOne({ _id: memberId }, { $pull: { places: { n: { $in: abandoned } } } });
  }
  return false;
}

/** Gives a place back: `{ n }` after a reservation that did not happen, `{ id }` on cancelling. */
async function releasePlace(db: Db, memberId: string, which: Partial<Place>): Promise<void> {
  await db.collection<PlacesDocument>('reservationPlaces').updateOne({ _id: memberId }, { $pull: { places: which } });
}

/**
 * Places for reservations made before places were kept: one document per
 * member with active reservations, inserted where missing and never
 * overwriting a live one. Run by `npm run db:migrate`.
 */
export function reservationPlacesPipeline(): Document[] {
  return [
    { $match: { status: 'active' } },
    { $group: { _id: '$memberId', places: { $push: { id: '$_id', n: '$_id', at: '$createdAt' } } } },
    { $merge: { into: 'reservationPlaces', on: '_id', whenMatched: 'keepExisting', whenNotMatched: 'insert' } },
  ];
}

/** One document per record with a queue: the ids of its waiting holds, first in line first. */
interface QueueDocument {
  _id: string;
  waiting: string[];
}

/**
 * Reservations on MongoDB. Inserting is the test: the unique partial indexes
 * refuse a copy already held, so two members racing for the last copy get
 * one insert and one duplicate-key error. The limit is a per-member place
 * taken before the insert and given back if nothing came of it, so even a
 * member's own simultaneous requests cannot pass it. The queue of a title is
 * one document whose array is pushed to and popped from atomically: a
 * position is the index in that array, exact however many join at once, and
 * everyone behind a member who leaves moves up with the `$pull`.
 */
export function createReservationStore(db: Db): ReservationStore {
  const reservations = db.collection<ReservationDocument>('reservations');
  const queues = db.collection<QueueDocument>('reservationQueues');
  const activeFor = (memberId: string, recordId: string) => reservations.findOne({ memberId, recordId, status: 'active' });

  /** Positions of the waiting holds among `docs`, by reading their records' queues once. */
  async function withPositions(docs: ReservationDocument[]): Promise<Reservation[]> {
    const waiting = [...new Set(docs.filter((d) => d.status === 'active' && d.stage === 'waiting').map((d) => d.recordId))];
    const lines = new Map((waiting.length ? await queues.find({ _id: { $in: waiting } }).toArray() : []).map((q) => [q._id, q.waiting]));
    return docs.map((d) => toReservation(d, d.status === 'active' && d.stage === 'waiting' ? (lines.get(d.recordId)?.indexOf(d._id) ?? -1) + 1 : undefined));
  }

  async function insertFirstFree(req: ReserveRequest): Promise<ReserveResult | null> {
    for (const itemId of req.itemIds) {
      const doc: ReservationDocument = {
        _id: req.id, memberId: req.memberId, recordId: req.recordId, itemId,
        pickupBranch: req.pickupBranch, status: 'active', stage: 'in-transit', createdAt: req.now,
      };
      try {
        await reservations.insertOne(doc);
        return { outcome: 'reserved', reservation: toReservation(doc) };
      } catch (error) {
        const refused = await refusal(error, req);
        if (refused) return refused;
      }
    }
    return null;
  }

  /** What a duplicate key on insert means for the request; null when only the copy was taken. */
  async function refusal(error: unknown, req: ReserveRequest): Promise<ReserveResult | null> {
    if (duplicateOn(error, 'recordId')) {
      const raced = await activeFor(req.memberId, req.recordId);
      if (raced) return { outcome: 'already-reserved', reservation: (await withPositions([raced]))[0]! };
    }
    // The reservation id is taken: as in the embedded store, that request gets nothing.
    if (duplicateOn(error, '_id')) return { outcome: 'taken' };
    if (!duplicateOn(error, 'itemId')) throw error;
    return null;
  }

  /** Joins the record's queue: the hold is written first, then its id pushed, whose index is the position. */
  async function enqueue(req: ReserveRequest): Promise<ReserveResult> {
    const doc: ReservationDocument = {
      _id: req.id, memberId: req.memberId, recordId: req.recordId,
      pickupBranch: req.pickupBranch, status: 'active', stage: 'waiting', createdAt: req.now,
    };
    try {
      await reservations.insertOne(doc);
    } catch (error) {
      return (await refusal(error, req)) ?? { outcome: 'taken' };
    }
    const line = await pushToQueue(req.recordId, req.id);
    return { outcome: 'queued', reservation: toReservation(doc, line.indexOf(req.id) + 1) };
  }

  /** On a real server two first upserts of one queue can collide on `_id`; the second then finds the document. */
  async function pushToQueue(recordId: string, id: string): Promise<string[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const after = await queues.findOneAndUpdate({ _id: recordId }, { $push: { waiting: id } }, { upsert: true, returnDocument: 'after' });
        return after?.waiting ?? [];
      } catch (error) {
        if (attempt > 0 || !duplicateOn(error, '_id')) throw error;
      }
    }
  }

  /** A freed copy goes to the first waiting hold; a hold cancelled meanwhile is passed over. */
  async function offerCopy(ended: ReservationDocument): Promise<Reservation | null> {
    if (!ended.itemId) return null;
    for (;;) {
      const before = await queues.findOneAndUpdate({ _id: ended.recordId, 'waiting.0': { $exists: true } }, { $pop: { waiting: -1 } }, { returnDocument: 'before' });
      const nextId = before?.waiting[0];
      if (!nextId) return null;
      try {
        const offered = await reservations.findOneAndUpdate(
          { _id: nextId, status: 'active', stage: 'waiting' },
          { $set: { itemId: ended.itemId, stage: 'in-transit' } },
          { returnDocument: 'after' },
        );
        if (offered) return toReservation(offered);
      } catch (error) {
        if (!duplicateOn(error, 'itemId')) throw error;
        // A new reserve took the copy first: the member keeps the front of the queue.
        await queues.updateOne({ _id: ended.recordId }, { $push: { waiting: { $each: [nextId], $position: 0 } } });
        return null;
      }
    }
  }

  /** Ends a live hold (guarded by its stage), gives the member's place back and frees its copy. */
  async function end(filter: Document, set: Document): Promise<FreedCopy | null> {
    const doc = await reservations.findOneAndUpdate({ ...filter, status: 'active' }, { $set: set }, { returnDocument: 'after' });
    if (!doc) return null;
    await releasePlace(db, doc.memberId, { id: doc._id });
    if (doc.stage === 'waiting') {
      await queues.updateOne({ _id: doc.recordId }, { $pull: { waiting: doc._id } });
      return { ended: toReservation(doc), offered: null };
    }
    return { ended: toReservation(doc), offered: await offerCopy(doc) };
  }

  return {
    async reserve(req) {
      const existing = await activeFor(req.memberId, req.recordId);
      if (existing) return { outcome: 'already-reserved', reservation: (await withPositions([existing]))[0]! };
      const place = { id: req.id, n: randomUUID(), at: req.now };
      if (!(await takePlace(db, req.memberId, place, req.limit))) return { outcome: 'limit-reached' };
      let result: ReserveResult = { outcome: 'taken' };
      try {
        result = (await insertFirstFree(req)) ?? (await enqueue(req));
      } finally {
        if (result.outcome !== 'reserved' && result.outcome !== 'queued') await releasePlace(db, req.memberId, { n: place.n });
      }
      return result;
    },
    async listForMember(memberId, status) {
      const docs = await reservations.find({ memberId, ...(status ? { status } : {}) }).sort({ createdAt: -1, _id: 1 }).toArray();
      return withPositions(docs);
    },
    async cancel(memberId, reservationId, now) {
      return end({ _id: reservationId, memberId }, { status: 'cancelled', cancelledAt: now });
    },
    async listAtStage(stage) {
      const docs = await reservations.find({ status: 'active', stage }).sort({ createdAt: 1, _id: 1 }).toArray();
      return docs.map((d) => toReservation(d));
    },
    async get(reservationId) {
      const doc = await reservations.findOne({ _id: reservationId });
      return doc ? (await withPositions([doc]))[0]! : null;
    },
    async checkIn(reservationId, _now, readyUntil) {
      const doc = await reservations.findOneAndUpdate(
        { _id: reservationId, status: 'active', stage: 'in-transit' },
        { $set: { stage: 'ready', readyUntil } },
        { returnDocument: 'after' },
      );
      return doc ? toReservation(doc) : null;
    },
    async collect(reservationId, now) {
      const doc = await reservations.findOneAndUpdate(
        { _id: reservationId, status: 'active', stage: 'ready' },
        { $set: { status: 'collected', endedAt: now } },
        { returnDocument: 'after' },
      );
      if (doc) await releasePlace(db, doc.memberId, { id: doc._id });
      return doc ? toReservation(doc) : null;
    },
    async expireReady(now) {
      const due = await reservations.find({ status: 'active', stage: 'ready', readyUntil: { $lte: now } }).sort({ readyUntil: 1, _id: 1 }).toArray();
      const freed: FreedCopy[] = [];
      for (const doc of due) {
        const done = await end({ _id: doc._id, stage: 'ready' }, { status: 'expired', endedAt: now });
        if (done) freed.push(done);
      }
      return freed;
    },
    async holdsFor(recordIds) {
      const holds = new Map<string, RecordHolds>();
      if (recordIds.length === 0) return holds;
      const docs = await reservations.find({ recordId: { $in: recordIds }, status: 'active' }, { projection: { recordId: 1, itemId: 1, stage: 1 } }).toArray();
      for (const doc of docs) {
        const entry = holds.get(doc.recordId) ?? { heldItemIds: [], waiting: 0 };
        if (doc.itemId) entry.heldItemIds.push(doc.itemId);
        if (doc.stage === 'waiting') entry.waiting += 1;
        holds.set(doc.recordId, entry);
      }
      return holds;
    },
  };
}
