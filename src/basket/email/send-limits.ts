import { createHash } from 'node:crypto';
import type { SendLimit } from '../../storage/store.js';

const MINUTE = 60_000;
/** Most basket emails one client address may send in a window. */
export const CLIENT_LIMIT = { max: 3, windowMs: 10 * MINUTE };
/** Most basket emails one recipient address may receive in a window. */
export const RECIPIENT_LIMIT = { max: 3, windowMs: 60 * MINUTE };

/** A one-way, app-specific hash: the store counts sends without ever holding an address. */
function hashed(kind: string, value: string): string {
  return createHash('sha256').update(`shelfmark:${kind}:${value}`).digest('base64url').slice(0, 22);
}

/**
 * The limits one basket email is counted against: the recipient, the client
 * address, and the whole site's hourly cap. None depends on the visit, so a
 * client that drops its cookie gets no new allowance.
 */
export function mailLimits(to: string, clientAddress: string, hourlyCap: number): SendLimit[] {
  return [
    { key: `mail-from:${hashed('client', clientAddress)}`, ...CLIENT_LIMIT },
    { key: `mail-to:${hashed('to', to.toLowerCase())}`, ...RECIPIENT_LIMIT },
    { key: 'mail-all', max: hourlyCap, windowMs: 60 * MINUTE },
  ];
}

/** What to tell the member when a limit is reached. */
export function limitMessage(limit: SendLimit): string {
  const later = 'Please try again later, or download your basket instead.';
  if (limit.key.startsWith('mail-from:')) return `You can email your basket ${CLIENT_LIMIT.max} times in ${CLIENT_LIMIT.windowMs / MINUTE} minutes. ${later}`;
  if (limit.key.startsWith('mail-to:')) return `That address has already been sent ${RECIPIENT_LIMIT.max} baskets in the last hour, as many as we send to one address. ${later}`;
  return `The catalogue has sent as many emails as it may this hour. ${later}`;
}
