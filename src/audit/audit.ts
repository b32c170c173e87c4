import type { AuditAction, Member } from '../storage/store.js';
import type { RouteDeps } from '../http/deps.js';

/**
 * Writes one line of the monitoring log. A member's action is not undone if
 * the log cannot be written, but the failure is logged loudly.
 */
export async function audit(
  { store, clock, logger }: Pick<RouteDeps<'audit'>, 'store' | 'clock' | 'logger'>,
  who: { member: Member | null | undefined; card?: string },
  action: AuditAction,
  target = '',
): Promise<void> {
  const entry = { at: clock(), memberId: who.member?.id ?? null, card: who.member?.card ?? who.card ?? '', action, target };
  try {
    await store.audit.append(entry);
  } catch (err) {
    logger.error({ err, action }, 'audit entry could not be written');
  }
}
