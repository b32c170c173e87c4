import { MongoServerError, type Db, type IndexDescription } from 'mongodb';
import type { Reservation, ReservationStore } from '../member-stores.js';

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

/**
 * Reservations on MongoDB. Inserting is the test: the unique partial indexes
 * refuse a copy already held, so two members racing for the last copy get
 * one insert and one duplicate-key error. The limit is a count before the
 * insert, so only one member's own simultaneous requests could pass it by one.
 */
export function createReservationStore(db: Db): ReservationStore {
  const reservations = db.collection<ReservationDocument>('reservations');
  const activeFor = (memberId: string, recordId: string) => reservations.findOne({ memberId, recordId, status: 'active' });
  return {
    async reserve(req) {
      const existing = await activeFor(req.memberId, req.recordId);
      if (existing) return { outcome: 'already-reserved', reservation: toReservation(existing) };
      if ((await reservations.countDocuments({ memberId: req.memberId, status: 'active' })) >= req.limit) return { outcome: 'limit-reached' };
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
          if (!duplicateOn(error, 'itemId')) throw error;
        }
      }
      return { outcome: 'taken' };
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
      return doc ? toReservation(doc) : null;
    },
  };
}
