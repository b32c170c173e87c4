import { randomUUID } from 'node:crypto';
import { MongoServerError, type Db, type Document, type IndexDescription } from 'mongodb';
import type { Reservation, ReservationStore, ReserveRequest, ReserveResult } from '../member-stores.js';

type ReservationDocument = Omit<Reservation, 'id'> & { _id: string };

const ACTIVE = { partialFilterExpression: { status: 'active' } };

/** A copy is held for one member, and a member holds a record once: both unique over active reservations only. */
export const RESERVATION_INDEXES: IndexDescription[] = [
  { name: 'reservations_item_active', key: { itemId: 1 }, unique: true, ...ACTIVE },
  { name: 'reservations_member_record_active', key: { memberId: 1, recordId: 1 }, unique: true, ...ACTIVE },
  { name: 'reservations_member', key: { memberId: 1, createdAt: -1 } },
];

function toReservation({ _id, ...rest }: ReservationDocument): Reservation {
  return { id: _id, ...rest };
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

/**
 * Reservations on MongoDB. Inserting is the test: the unique partial indexes
 * refuse a copy already held, so two members racing for the last copy get
 * one insert and one duplicate-key error. The limit is a per-member place
 * taken before the insert and given back if no copy could be had, so even a
 * member's own simultaneous requests cannot pass it.
 */
export function createReservationStore(db: Db): ReservationStore {
  const reservations = db.collection<ReservationDocument>('reservations');
  const activeFor = (memberId: string, recordId: string) => reservations.findOne({ memberId, recordId, status: 'active' });

  async function insertFirstFree(req: ReserveRequest): Promise<ReserveResult> {
    for (const itemId of req.itemIds) {
      const doc: ReservationDocument = {
        _id: req.id, memberId: req.memberId, recordId: req.recordId, itemId,
        pickupBranch: req.pickupBranch, status: 'active', createdAt: req.now,
      };
      try {
        await reservations.insertOne(doc);
        return { outcome: 'reserved', reservation: toReservation(doc) };
      } catch (error) {
        if (duplicateOn(error, 'recordId')) {
          const raced = await activeFor(req.memberId, req.recordId);
          if (raced) return { outcome: 'already-reserved', reservation: toReservation(raced) };
        }
        // The reservation id is taken: as in the embedded store, that request gets nothing.
        if (duplicateOn(error, '_id')) return { outcome: 'taken' };
        if (!duplicateOn(error, 'itemId')) throw error;
      }
    }
    return { outcome: 'taken' };
  }

  return {
    async reserve(req) {
      const existing = await activeFor(req.memberId, req.recordId);
      if (existing) return { outcome: 'already-reserved', reservation: toReservation(existing) };
      const place = { id: req.id, n: randomUUID(), at: req.now };
      if (!(await takePlace(db, req.memberId, place, req.limit))) return { outcome: 'limit-reached' };
      let result: ReserveResult = { outcome: 'taken' };
      try {
        result = await insertFirstFree(req);
      } finally {
        if (result.outcome !== 'reserved') await releasePlace(db, req.memberId, { n: place.n });
      }
      return result;
    },
    async listForMember(memberId, status) {
      const docs = await reservations.find({ memberId, ...(status ? { status } : {}) }).sort({ createdAt: -1, _id: 1 }).toArray();
      return docs.map(toReservation);
    },
    async cancel(memberId, reservationId, now) {
      const doc = await reservations.findOneAndUpdate(
        { _id: reservationId, memberId, status: 'active' },
        { $set: { status: 'cancelled', cancelledAt: now } },
        { returnDocument: 'after' },
      );
      if (doc) await releasePlace(db, memberId, { id: reservationId });
      return doc ? toReservation(doc) : null;
    },
  };
}
