import type { Reservation } from '../storage/store.js';
import { libraryToday, memberDate } from '../text/member-date.js';

/** The state of a hold as a member reads it on their account, and a key for its style. */
export interface HoldState {
  key: 'waiting' | 'in-transit' | 'ready' | 'collected' | 'expired' | 'cancelled';
  text: string;
}

const day = (at: number, now: number) => memberDate(libraryToday(at), now);

/** Waiting (with the place in the queue), in transit, ready to collect until a date, collected, expired. */
export function holdState(hold: Reservation, now: number): HoldState {
  if (hold.status === 'collected') return { key: 'collected', text: `Collected on ${day(hold.endedAt ?? now, now)}` };
  if (hold.status === 'expired') return { key: 'expired', text: `Expired: not collected by ${day(hold.endedAt ?? now, now)}` };
  if (hold.status === 'cancelled') return { key: 'cancelled', text: 'Cancelled' };
  if (hold.stage === 'waiting') return { key: 'waiting', text: `Waiting: number ${hold.position ?? 1} in the queue` };
  if (hold.stage === 'ready') return { key: 'ready', text: `Ready to collect until ${day(hold.readyUntil ?? now, now)}` };
  return { key: 'in-transit', text: 'In transit' };
}

/** Ended holds stay on the account this long, so a member sees what became of them. */
export const ENDED_SHOWN_MS = 30 * 24 * 60 * 60_000;
