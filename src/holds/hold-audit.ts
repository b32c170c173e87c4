import { audit } from '../audit/audit.js';
import type { RouteDeps } from '../http/deps.js';
import type { FreedCopy, Member, Reservation } from '../storage/store.js';

type Deps = Pick<RouteDeps<'audit' | 'members'>, 'store' | 'clock' | 'logger'>;
type HoldAction = 'hold-offer' | 'hold-expire' | 'hold-ready' | 'hold-collect';

/** "rec-emma (hold 1234…, copy C-1)": what an audit line about a hold names. */
export function holdTarget(hold: Reservation, forCard?: string): string {
  return `${hold.recordId} (hold ${hold.id}${hold.itemId ? `, copy ${hold.itemId}` : ''}${forCard ? `, for card ${forCard}` : ''})`;
}

/**
 * Audits a step of a hold. A librarian's step is in the librarian's name and
 * names the member's card; a step the system took (an offer, an expiry) is in
 * the name of the member whose hold it is.
 */
export async function auditHold(deps: Deps, action: HoldAction, hold: Reservation, librarian?: Member): Promise<void> {
  const holder = await deps.store.members.get(hold.memberId);
  if (librarian) await audit(deps, { member: librarian }, action, holdTarget(hold, holder?.card ?? hold.memberId));
  else await audit(deps, { member: holder }, action, holdTarget(hold));
}

/** When a freed copy went to the next in the queue, that is a step of its own in the log. */
export async function auditOffer(deps: Deps, freed: FreedCopy): Promise<void> {
  if (freed.offered) await auditHold(deps, 'hold-offer', freed.offered);
}
