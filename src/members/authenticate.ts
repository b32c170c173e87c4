import type { Member, Store } from '../storage/store.js';
import { isCardNumber, isPin } from './card.js';
import type { PinVerifier } from './pin-hash.js';
import { forgiveAttempt, lockAfterFailure, reserveAttempt, throttleKeys, type Refusal } from './throttle.js';

export type LoginResult = { ok: true; member: Member } | { ok: false; reason: 'invalid' | Refusal; member: Member | null };

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
  if (typeof reserved === 'string') return { ok: false, reason: reserved, member };
  const pinText = isPin(pin) ? pin : '';
  const matches = member && pinText ? await pins.verify(pinText, member.pinHash) : await pins.decoy(pinText);
  if (member && matches) {
    await forgiveAttempt(store.loginAttempts, keys, now);
    return { ok: true, member };
  }
  return { ok: false, reason: lockAfterFailure(reserved) ?? 'invalid', member };
}
