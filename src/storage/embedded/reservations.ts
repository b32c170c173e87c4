import type { Database } from 'better-sqlite3';
import { readInTurns } from './turn-reads.js';
import type { FreedCopy, HoldStage, RecordHolds, Reservation, ReservationStore, ReserveRequest, ReserveResult } from '../member-stores.js';

interface Row {
  id: string; member_id: string; record_id: string; item_id: string | null; pickup_branch: string;
  status: Reservation['status']; stage: HoldStage; created_at: number; cancelled_at: number | null;
  ready_until: number | null; ended_at: number | null; queue_seq: number | null; position?: number | null;
}

function toReservation(row: Row): Reservation {
  return {
    id: row.id, memberId: row.member_id, recordId: row.record_id, ...(row.item_id !== null ? { itemId: row.item_id } : {}),
    pickupBranch: row.pickup_branch, status: row.status, stage: row.stage, createdAt: row.created_at,
    ...(row.cancelled_at !== null ? { cancelledAt: row.cancelled_at } : {}),
    ...(row.ready_until !== null ? { readyUntil: row.ready_until } : {}),
    ...(row.ended_at !== null ? { endedAt: row.ended_at } : {}),
    ...(row.position ? { position: row.position } : {}),
  };
}

/** A waiting hold's place: how many live waiting holds on the record are at or ahead of it. */
const POSITION = `CASE WHEN r.status = 'active' AND r.stage = 'waiting' THEN (
  SELECT count(*) FROM reservations q WHERE q.record_id = r.record_id AND q.status = 'active' AND q.stage = 'waiting' AND q.queue_seq <= r.queue_seq
) END AS position`;

/**
 * Reservations as rows. The partial unique indexes (schema.ts) hold a copy for
 * one member and a record once per member; INSERT OR IGNORE tries each copy
 * in turn, inside one IMMEDIATE transaction with the limit check, and joins
 * the queue when none is free. SQLite runs one writer at a time, so the queue
 * number taken in that transaction is exact, and a position is counted, never
 * stored: when someone leaves, those behind move up.
 */
export function createReservationStore(db: Database): ReservationStore {
  const stmt = {
    activeFor: db.prepare<[string, string], Row>(`SELECT r.*, ${POSITION} FROM reservations r WHERE member_id = ? AND record_id = ? AND status = 'active'`),
    activeCount: db.prepare<[string], number>("SELECT count(*) FROM reservations WHERE member_id = ? AND status = 'active'").pluck(),
    idTaken: db.prepare<[string], number>('SELECT count(*) FROM reservations WHERE id = ?').pluck(),
    insert: db.prepare(
      `INSERT OR IGNORE INTO reservations (id, member_id, record_id, item_id, pickup_branch, status, stage, created_at)
       VALUES (?, ?, ?, ?, ?, 'active', 'in-transit', ?)`,
    ),
    enqueue: db.prepare(
      `INSERT INTO reservations (id, member_id, record_id, item_id, pickup_branch, status, stage, created_at, queue_seq)
       VALUES (?, ?, ?, NULL, ?, 'active', 'waiting', ?, (SELECT coalesce(max(queue_seq), 0) + 1 FROM reservations WHERE record_id = ?))`,
    ),
    byId: db.prepare<[string], Row>(`SELECT r.*, ${POSITION} FROM reservations r WHERE id = ?`),
    list: db.prepare<[string], Row>(`SELECT r.*, ${POSITION} FROM reservations r WHERE member_id = ? ORDER BY created_at DESC, id`),
    atStage: db.prepare<[HoldStage], Row>("SELECT * FROM reservations WHERE status = 'active' AND stage = ? ORDER BY created_at, id"),
    cancel: db.prepare<[number, string, string], Row>(
      "UPDATE reservations SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND member_id = ? AND status = 'active' RETURNING *",
    ),
    nextWaiting: db.prepare<[string], Row>(
      "SELECT * FROM reservations WHERE record_id = ? AND status = 'active' AND stage = 'waiting' ORDER BY queue_seq LIMIT 1",
    ),
    offer: db.prepare<[string, string], Row>("UPDATE reservations SET item_id = ?, stage = 'in-transit' WHERE id = ? RETURNING *"),
    checkIn: db.prepare<[number, string], Row>(
      "UPDATE reservations SET stage = 'ready', ready_until = ? WHERE id = ? AND status = 'active' AND stage = 'in-transit' RETURNING *",
    ),
    collect: db.prepare<[number, string], Row>(
      "UPDATE reservations SET status = 'collected', ended_at = ? WHERE id = ? AND status = 'active' AND stage = 'ready' RETURNING *",
    ),
    due: db.prepare<[number], Row>("SELECT * FROM reservations WHERE status = 'active' AND stage = 'ready' AND ready_until <= ? ORDER BY ready_until, id"),
    expire: db.prepare<[number, string], Row>(
      "UPDATE reservations SET status = 'expired', ended_at = ? WHERE id = ? AND status = 'active' AND stage = 'ready' RETURNING *",
    ),
    liveOn: db.prepare<[string], { record_id: string; item_id: string | null; stage: HoldStage }>(
      "SELECT record_id, item_id, stage FROM reservations WHERE status = 'active' AND record_id IN (SELECT value FROM json_each(?))",
    ),
  };

  /** Gives a freed copy to the first in the record's queue. */
  function offerCopy(ended: Row): FreedCopy {
    const next = ended.item_id === null ? undefined : stmt.nextWaiting.get(ended.record_id);
    const offered = next ? stmt.offer.get(ended.item_id!, next.id) : undefined;
    return { ended: toReservation(ended), offered: offered ? toReservation(offered) : null };
  }

  const reserve = db.transaction((req: ReserveRequest): ReserveResult => {
    const existing = stmt.activeFor.get(req.memberId, req.recordId);
    if (existing) return { outcome: 'already-reserved', reservation: toReservation(existing) };
    if (stmt.activeCount.get(req.memberId)! >= req.limit) return { outcome: 'limit-reached' };
    if (stmt.idTaken.get(req.id)! > 0) return { outcome: 'taken' };
    for (const itemId of req.itemIds) {
      if (stmt.insert.run(req.id, req.memberId, req.recordId, itemId, req.pickupBranch, req.now).changes === 1) {
        return { outcome: 'reserved', reservation: toReservation(stmt.byId.get(req.id)!) };
      }
    }
    stmt.enqueue.run(req.id, req.memberId, req.recordId, req.pickupBranch, req.now, req.recordId);
    return { outcome: 'queued', reservation: toReservation(stmt.byId.get(req.id)!) };
  });

  const cancel = db.transaction((memberId: string, reservationId: string, now: number): FreedCopy | null => {
    const row = stmt.cancel.get(now, reservationId, memberId);
    return row ? offerCopy(row) : null;
  });

  const expireReady = db.transaction((now: number): FreedCopy[] => {
    const freed: FreedCopy[] = [];
    for (const due of stmt.due.all(now)) {
      const row = stmt.expire.get(now, due.id);
      if (row) freed.push(offerCopy(row));
    }
    return freed;
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
      return cancel.immediate(memberId, reservationId, now);
    },
    async listAtStage(stage) {
      return stmt.atStage.all(stage).map(toReservation);
    },
    async get(reservationId) {
      const row = stmt.byId.get(reservationId);
      return row ? toReservation(row) : null;
    },
    async checkIn(reservationId, _now, readyUntil) {
      const row = stmt.checkIn.get(readyUntil, reservationId);
      return row ? toReservation(row) : null;
    },
    async collect(reservationId, now) {
      const row = stmt.collect.get(now, reservationId);
      return row ? toReservation(row) : null;
    },
    async expireReady(now) {
      return expireReady.immediate(now);
    },
    // Every kept visitor page is checked against the holds on its records: those of one turn are read together.
    holdsFor: readInTurns((recordIds) => {
      const holds = new Map<string, RecordHolds>();
      for (const row of stmt.liveOn.all(JSON.stringify(recordIds))) {
        const entry = holds.get(row.record_id) ?? { heldItemIds: [], waiting: 0 };
        if (row.item_id !== null) entry.heldItemIds.push(row.item_id);
        if (row.stage === 'waiting') entry.waiting += 1;
        holds.set(row.record_id, entry);
      }
      return holds;
    }),
  };
}
