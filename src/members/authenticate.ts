import type { Member, Store } from '../storage/store.js';
import { isCardNumber, isPin } from './card.js';
import type { PinVerifier } from '../http/deps.js';
import { forgiveAttempt, lockAfterFailure, reserveAttempt, throttleKeys, type Refusal } from './throttle.js';

/**
 * `audit` is false for a refused attempt after the first in its window: the
 * store's counter says how many there were, and the audit log need not grow
 * by one row per guess.
 */
export type LoginResult = { ok: true; member: Member } | { ok: false; reason: 'invalid' | 'disabled' | Refusal; member: Member | null; audit: boolean };

/**
 * Check a card and PIN, with the throttle in front: the attempt is counted
 * in the store before the PIN is checked, and one over a limit is refused
 * without checking it. An unknown card costs the same scrypt work and counts
 * the same as a wrong PIN, so neither the answer nor its timing says whether
 * the card exists.
 */
export async function authenticate(store: Pick<Store, 'members' | 'loginAttempts'>, pins: PinVerifier, card: string, pin: unknown, address: string, now: number): Promise<LoginResult> {
  const keys = throttleKeys(card, address);
  const reserved = await reserveAttempt(store.loginAttempts, keys, now);
  const member = isCardNumber(card) ? await store.members.getByCard(card) : null;
  if ('reason' in reserved) return { ok: false, reason: reserved.reason, member, audit: reserved.first };
  const pinText = isPin(pin) ? pin : '';
  const matches = member && pinText ? await pins.verify(pinText, member.pinHash) : await pins.decoy(pinText);
  if (member && matches) {
    await forgiveAttempt(store.loginAttempts, keys, now);
    // Said only after the right PIN, so it tells nobody else that the card exists.
    if (member.disabledAt !== undefined) return { ok: false, reason: 'disabled', member, audit: true };
    return { ok: true, member };
  }
  return { ok: false, reason: lockAfterFailure(reserved) ?? 'invalid', member, audit: true };
}
