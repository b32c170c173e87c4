import type { Flash } from '../session/flash.js';
import { NOT_RESERVABLE_REASON } from './reservability.js';
import type { ReserveOutcome } from './reserve.js';

/** One sentence per record, saying plainly what happened and why. */
export function outcomeText(o: ReserveOutcome, limit: number): string {
  switch (o.outcome) {
    case 'reserved': return `Reserved ‘${o.title}’ for collection at ${o.reservation.pickupBranch}.`;
    case 'queued': return `Every copy of ‘${o.title}’ is reserved, so you are number ${o.reservation.position ?? 1} in the queue. We will hold the next copy for you at ${o.reservation.pickupBranch}.`;
    case 'already-reserved': return o.reservation.stage === 'waiting'
      ? `You are already in the queue for ‘${o.title}’ (number ${o.reservation.position ?? 1}).`
      : `You have already reserved ‘${o.title}’ (collect at ${o.reservation.pickupBranch}).`;
    case 'not-reservable': return `‘${o.title}’ cannot be reserved: ${NOT_RESERVABLE_REASON[o.reason]}.`;
    case 'taken': return `‘${o.title}’ could not be reserved. Please try again.`;
    case 'limit-reached': return `‘${o.title}’ was not reserved: you already have ${limit} reservations, the most allowed. Cancel one to make room.`;
    case 'unknown': return 'That item could not be found in the catalogue.';
  }
}

const placed = (o: ReserveOutcome) => o.outcome === 'reserved' || o.outcome === 'queued';

/** Success only when everything asked for was reserved or queued for. */
export function outcomeKind(outcomes: ReserveOutcome[]): Flash['kind'] {
  const reserved = outcomes.filter(placed).length;
  if (reserved === outcomes.length && reserved > 0) return 'success';
  return reserved > 0 || outcomes.some((o) => o.outcome === 'already-reserved') ? 'info' : 'error';
}

/** A status message for a request of one or more records. */
export function reserveFlash(outcomes: ReserveOutcome[], limit: number): Flash {
  if (outcomes.length === 0) return { kind: 'error', text: 'Nothing was selected to reserve.' };
  const reserved = outcomes.filter(placed).length;
  const text = outcomes.length === 1
    ? outcomeText(outcomes[0]!, limit)
    : `${reserved} of ${outcomes.length} items reserved. The list below says what happened to each.`;
  return { kind: outcomeKind(outcomes), text };
}
