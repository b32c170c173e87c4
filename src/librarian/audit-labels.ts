import type { AuditAction } from '../storage/log-stores.js';

/** Each action as a librarian would say it; the type makes every new action need a label. */
export const AUDIT_LABELS: Record<AuditAction, string> = {
  login: 'Logged in',
  'login-failed': 'Login refused',
  logout: 'Logged out',
  reserve: 'Reserved',
  cancel: 'Cancelled a reservation',
  'view-account': 'Viewed own account (older entries)',
  queue: 'Joined a queue',
  'hold-offer': 'Copy offered to next in queue',
  'hold-ready': 'Checked in: ready to collect',
  'hold-collect': 'Collected',
  'hold-expire': 'Hold expired uncollected',
  'librarian-view': 'Console page view (older entries)',
  'librarian-download': 'Exported',
  'librarian-import': 'Imported records',
  'member-add': 'Added a member',
  'member-disable': 'Disabled a card',
  'member-enable': 'Re-enabled a card',
  'member-pin-reset': 'Reset a PIN',
  'pin-change': 'Changed own PIN',
  'branches-change': 'Changed the branch registry',
};

/** The label for an action as stored. */
export function auditLabel(action: string): string {
  return AUDIT_LABELS[action as AuditAction] ?? action;
}

/** Why a login was refused, in words ("invalid" is a wrong card or PIN). */
const REFUSALS: Record<string, string> = {
  invalid: 'wrong card or PIN',
  'card-locked': 'card locked after failed attempts',
  'address-locked': 'too many attempts from one connection',
  disabled: 'card disabled',
};

/** A login-failed target as words; other targets are shown as they are. */
export function refusalText(reason: string): string {
  return REFUSALS[reason] ?? reason;
}
