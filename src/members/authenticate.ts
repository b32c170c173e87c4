import type { Member, Store } from '../storage/store.js';
import { isCardNumber, isPin } from './card.js';
import { verifyAgainstDecoy, verifyPin } from './pin-hash.js';
import { countFailure, refusal, throttleKeys, type Refusal } from './throttle.js';

export type LoginResult = { ok: true; member: Member } | { ok: false; reason: 'invalid' | Refusal; member: Member | null };

/**
 * Check a card and PIN, with the throttle in front: a locked card or address
 * is refused without checking the PIN. An unknown card costs the same scrypt
 * work and counts the same failures as a wrong PIN, so neither the answer nor
 * its timing says whether the card exists.
 */
export async function authenticate(store: Pick<Store, 'members' | 'loginAttempts'>, card: string, pin: unknown, address: string, now: number): Promise<LoginResult> {
  const keys = throttleKeys(card, address);
  const refused = await refusal(store.loginAttempts, keys, now);
  const member = isCardNumber(card) ? await store.members.getByCard(card) : null;
  if (refused) return { ok: false, reason: refused, member };
  const pinText = isPin(pin) ? pin : '';
  const matches = member && pinText ? await verifyPin(pinText, member.pinHash) : await verifyAgainstDecoy(pinText);
  if (member && matches) {
    await store.loginAttempts.clear(keys.card);
    return { ok: true, member };
  }
  return { ok: false, reason: (await countFailure(store.loginAttempts, keys, now)) ?? 'invalid', member };
}
