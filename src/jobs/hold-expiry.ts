import type { RouteDeps } from '../http/deps.js';
import { auditHold, auditOffer } from '../holds/hold-audit.js';

const DAY_MS = 24 * 60 * 60_000;

type Deps = Pick<RouteDeps<'audit' | 'members' | 'reservations'>, 'store' | 'clock' | 'logger'>;

/**
 * Expires every ready hold not collected in time, by the injected clock, and
 * offers each copy to the next member in that title's queue. Every expiry and
 * offer is audited. Returns how many expired.
 */
export async function expireUncollectedHolds(deps: Deps): Promise<number> {
  const freed = await deps.store.reservations.expireReady(deps.clock());
  for (const step of freed) {
    await auditHold(deps, 'hold-expire', step.ended);
    await auditOffer(deps, step);
  }
  return freed.length;
}

/** Runs the expiry at start and then once a day; returns a function that stops it. */
export function startHoldExpiry(deps: Deps, everyMs = DAY_MS): () => void {
  const run = () => {
    expireUncollectedHolds(deps).then(
      (n) => {
        if (n > 0) deps.logger.info({ expired: n }, 'uncollected holds expired and offered to the next in the queue');
      },
      (err: unknown) => deps.logger.error({ err }, 'hold expiry failed'),
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
