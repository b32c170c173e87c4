import { beforeEach, describe } from 'node:test';
import { createReservationStore, RESERVATION_INDEXES } from '../../../src/storage/mongo/reservation-store.js';
import type { Store } from '../../../src/storage/store.js';
import { reservationsContract } from '../contract/reservations.js';
import { mingoDb } from './mingo-db.js';

// The reservations contract, queue included, on the MongoDB adapter's real filters, updates and unique
// indexes (run through mingo, so it runs where no server can). mingo interleaves concurrent calls at each
// await, as a server interleaves round trips, so a read-then-write race would show here.
describe('mongodb reservations (through mingo)', () => {
  let store: Store | undefined;
  beforeEach(() => {
    const { db } = mingoDb({ reservations: RESERVATION_INDEXES });
    store = { reservations: createReservationStore(db) } as unknown as Store;
  });
  reservationsContract(() => store!);
});
