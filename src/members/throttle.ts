import { createHash } from 'node:crypto';
import type { LockPolicy, LoginAttemptStore } from '../storage/store.js';

const MINUTE = 60_000;

/** After 5 failures a card is locked for 15 minutes, whether or not any member has it. */
export const CARD_POLICY: LockPolicy = { maxFailures: 5, windowMs: 15 * MINUTE };
/** One address may fail 20 times in 15 minutes, across any cards, before it must wait. */
export const ADDRESS_POLICY: LockPolicy = { maxFailures: 20, windowMs: 15 * MINUTE };

export type Refusal = 'card-locked' | 'address-locked';

/** Counter keys. The address is hashed: the throttle needs to tell addresses apart, not to know them. */
export function throttleKeys(card: string, address: string) {
  return { card: `card:${card}`, address: `addr:${createHash('sha256').update(address).digest('base64url').slice(0, 22)}` };
}

/** The address lock is reported first: it is the one the member cannot wait out by trying another card. */
function locked(card: { lockedUntil: number | null }, address: { lockedUntil: number | null }): Refusal | null {
  if (address.lockedUntil) return 'address-locked';
  if (card.lockedUntil) return 'card-locked';
  return null;
}

/** Why this attempt must not even be checked, if it must not. */
export async function refusal(attempts: LoginAttemptStore, keys: ReturnType<typeof throttleKeys>, now: number): Promise<Refusal | null> {
  const [card, address] = await Promise.all([attempts.get(keys.card, now), attempts.get(keys.address, now)]);
  return locked(card, address);
}

/** Counts a failure against both keys; says which is now locked, if either. */
export async function countFailure(attempts: LoginAttemptStore, keys: ReturnType<typeof throttleKeys>, now: number): Promise<Refusal | null> {
  const [card, address] = await Promise.all([
    attempts.recordFailure(keys.card, now, CARD_POLICY),
    attempts.recordFailure(keys.address, now, ADDRESS_POLICY),
  ]);
  return locked(card, address);
}
