import { randomUUID } from 'node:crypto';
import type { Member, Reservation, Store } from '../storage/store.js';
import { reservability, type Reservability } from './reservability.js';
import { fullTitle } from '../model/record.js';

/** What happened to one record of a reserve request; every record asked for gets one. */
export type ReserveOutcome =
  | { recordId: string; title: string; outcome: 'reserved' | 'queued' | 'already-reserved'; reservation: Reservation }
  | { recordId: string; title: string; outcome: 'not-reservable'; reason: Exclude<Reservability, { reservable: true }>['reason'] }
  | { recordId: string; title: string; outcome: 'taken' | 'limit-reached' | 'unknown' };

/**
 * Reserve each record for the member, in order, to collect at `pickupBranch`.
 * Records are checked for reservability first; the store then holds one copy
 * atomically, or puts the member in the title's queue (or says why not), so
 * the results and queue positions are exact even under races.
 */
export async function reserveRecords(
  store: Pick<Store, 'records' | 'reservations'>, member: Member, recordIds: string[], pickupBranch: string, now: number, limit: number,
): Promise<ReserveOutcome[]> {
  const wanted = [...new Set(recordIds)];
  const records = new Map((await store.records.getMany(wanted)).map((r) => [r.id, r]));
  const outcomes: ReserveOutcome[] = [];
  for (const recordId of wanted) {
    const record = records.get(recordId);
    if (!record) {
      outcomes.push({ recordId, title: '', outcome: 'unknown' });
      continue;
    }
    const title = fullTitle(record);
    const check = reservability(record, pickupBranch);
    if (!check.reservable) {
      outcomes.push({ recordId, title, outcome: 'not-reservable', reason: check.reason });
      continue;
    }
    const result = await store.reservations.reserve({
      id: randomUUID(), memberId: member.id, recordId, itemIds: check.itemIds, pickupBranch, now, limit,
    });
    outcomes.push(result.outcome === 'reserved' || result.outcome === 'queued' || result.outcome === 'already-reserved'
      ? { recordId, title, outcome: result.outcome, reservation: result.reservation }
      : { recordId, title, outcome: result.outcome });
  }
  return outcomes;
}
