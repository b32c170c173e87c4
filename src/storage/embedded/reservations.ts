import type { Database } from 'better-sqlite3';
import type { Reservation, ReservationStore, ReserveRequest, ReserveResult } from '../member-stores.js';

interface Row {
  id: string; member_id: string; record_id: string; item_id: string; pickup_branch: string;
  status: Reservation['status']; created_at: number; cancelled_at: number | null;
}

function toReservation(row: Row): Reservation {
  return {
    id: row.id, memberId: row.member_id, recordId: row.record_id, itemId: row.item_id, pickupBranch: row.pickup_branch,
    status: row.status, createdAt: row.created_at, ...(row.cancelled_at !== null ? { cancelledAt: row.cancelled_at } : {}),
  };
}

/**
 * Reservations as rows. The partial unique indexes (schema.ts) hold a copy for
 * one member and a record once per member; INSERT OR IGNORE tries each copy
 * in turn, inside one IMMEDIATE transaction with the limit check.
 */
export function createReservationStore(db: Database): ReservationStore {
  const stmt = {
    activeFor: db.prepare<[string, string], Row>("SELECT * FROM reservations WHERE member_id = ? AND record_id = ? AND status = 'active'"),
    activeCount: db.prepare<[string], number>("SELECT count(*) FROM reservations WHERE member_id = ? AND status = 'active'").pluck(),
    insert: db.prepare(
      `INSERT OR IGNORE INTO reservations (id, member_id, record_id, item_id, pickup_branch, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'active', ?)`,
    ),
    byId: db.prepare<[string], Row>('SELECT * FROM reservations WHERE id = ?'),
    list: db.prepare<[string], Row>('SELECT * FROM reservations WHERE member_id = ? ORDER BY created_at DESC, id'),
    cancel: db.prepare<[number, string, string], Row>(
      "UPDATE reservations SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND member_id = ? AND status = 'active' RETURNING *",
    ),
  };

  const reserve = db.transaction((req: ReserveRequest): ReserveResult => {
    const existing = stmt.activeFor.get(req.memberId, req.recordId);
    if (existing) return { outcome: 'already-reserved', reservation: toReservation(existing) };
    if (stmt.activeCount.get(req.memberId)! >= req.limit) return { outcome: 'limit-reached' };
    for (const itemId of req.itemIds) {
      if (stmt.insert.run(req.id, req.memberId, req.recordId, itemId, req.pickupBranch, req.now).changes === 1) {
        return { outcome: 'reserved', reservation: toReservation(stmt.byId.get(req.id)!) };
      }
    }
    return { outcome: 'taken' };
  });

  return {
    async reserve(request) {
      return reserve.immediate(request);
    },
    async listForMember(memberId, status) {
      const rows = stmt.list.all(memberId).map(toReservation);
      return status ? rows.filter((r) => r.status === status) : rows;
    },
    async cancel(memberId, reservationId, now) {
      const row = stmt.cancel.get(now, reservationId, memberId);
      return row ? toReservation(row) : null;
    },
  };
}
