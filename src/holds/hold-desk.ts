import type { RouteDeps } from '../http/deps.js';
import type { Member, Reservation } from '../storage/store.js';
import { fullTitle } from '../model/record.js';
import { libraryToday, memberDate } from '../text/member-date.js';
import { auditHold } from './hold-audit.js';
import { readyMail } from './ready-mail.js';

const DAY_MS = 24 * 60 * 60_000;

type Deps = Pick<RouteDeps<'audit' | 'members' | 'records' | 'reservations'>, 'store' | 'clock' | 'logger' | 'config' | 'mailer'>;

/** The day a ready hold is kept until, as a member reads it ("Tuesday 8 December"). */
export function readyUntilText(readyUntil: number, now: number): string {
  return memberDate(libraryToday(readyUntil), now);
}

/**
 * A copy checked in at the pickup branch for a hold: the hold is ready to
 * collect for HOLD_SHELF_DAYS, the step is audited in the librarian's name, and the member is
 * emailed when mail is configured. Null when the hold was not in transit
 * (checked in already, cancelled, or unknown).
 */
export async function checkInHold(deps: Deps, reservationId: string, librarian: Member): Promise<{ hold: Reservation; mailed: boolean } | null> {
  const now = deps.clock();
  const hold = await deps.store.reservations.checkIn(reservationId, now, now + deps.config.HOLD_SHELF_DAYS * DAY_MS);
  if (!hold) return null;
  await auditHold(deps, 'hold-ready', hold, librarian);
  const member = await deps.store.members.get(hold.memberId);
  return { hold, mailed: member ? await mailReady(deps, hold, member) : false };
}

/** Sends "ready to collect"; a failure is logged and the check-in stands. */
async function mailReady(deps: Deps, hold: Reservation, member: Member): Promise<boolean> {
  const { mailer, config, logger } = deps;
  if (!mailer || !config.PUBLIC_URL || !member.email) return false;
  const record = await deps.store.records.get(hold.recordId);
  const mail = readyMail({
    name: member.name,
    title: record ? fullTitle(record) : hold.recordId,
    branch: hold.pickupBranch,
    until: readyUntilText(hold.readyUntil!, deps.clock()),
    accountUrl: new URL('/account', config.PUBLIC_URL).href,
  });
  try {
    await mailer.send(member.email, mail);
    return true;
  } catch (err) {
    logger.error({ err, reservation: hold.id }, 'ready-to-collect email could not be sent');
    return false;
  }
}

/** A ready hold handed over at the desk: collected, and audited. Null when it was not ready. */
export async function collectHold(deps: Deps, reservationId: string, librarian: Member): Promise<Reservation | null> {
  const hold = await deps.store.reservations.collect(reservationId, deps.clock());
  if (hold) await auditHold(deps, 'hold-collect', hold, librarian);
  return hold;
}
