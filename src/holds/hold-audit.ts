import { audit } from '../audit/audit.js';
import type { RouteDeps } from '../http/deps.js';
import type { FreedCopy, Reservation } from '../storage/store.js';

type Deps = Pick<RouteDeps, 'store' | 'clock' | 'logger'>;

/** "rec-emma (hold 1234…, copy C-1)": what an audit line about a hold names. */
export function holdTarget(hold: Reservation): string {
  return `${hold.recordId} (hold ${hold.id}${hold.itemId ? `, copy ${hold.itemId}` : ''})`;
}

/** Audits a hold step in the name of the member whose hold it is. */
export async function auditForHolder(deps: Deps, hold: Reservation, action: 'hold-offer' | 'hold-expire' | 'hold-ready' | 'hold-collect'): Promise<void> {
  const member = await deps.store.members.get(hold.memberId);
  await audit(deps, { member }, action, holdTarget(hold));
}

/** When a freed copy went to the next in the queue, that is a step of its own in the log. */
export async function auditOffer(deps: Deps, freed: FreedCopy): Promise<void> {
  if (freed.offered) await auditForHolder(deps, freed.offered, 'hold-offer');
}
