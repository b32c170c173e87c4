import { createHash } from 'node:crypto';
import type { AttemptState, LockPolicy, LoginAttemptStore } from '../storage/store.js';

const MINUTE = 60_000;

/** Five attempts per card in 15 minutes; the fifth that fails locks it, whether or not any member has it. */
export const CARD_POLICY: LockPolicy = { maxAttempts: 5, windowMs: 15 * MINUTE };
/** One address may try 20 times in 15 minutes, across any cards, before it must wait. */
export const ADDRESS_POLICY: LockPolicy = { maxAttempts: 20, windowMs: 15 * MINUTE };

export type Refusal = 'card-locked' | 'address-locked';

/** An attempt refused unchecked; `first` when it is the first refused in its window (the only one audited). */
export interface Refused { reason: Refusal; first: boolean }

/** Counter keys. The address is hashed: the throttle needs to tell addresses apart, not to know them. */
export function throttleKeys(card: string, address: string) {
  return { card: `card:${card}`, address: `addr:${createHash('sha256').update(address).digest('base64url').slice(0, 22)}` };
}

type Keys = ReturnType<typeof throttleKeys>;

/** An attempt that may have its PIN checked, with the counts it was given. */
export interface Reserved { card: AttemptState; address: AttemptState }

/**
 * Reserve this attempt before any PIN is checked: the address first, so an
 * address over its limit cannot go on counting against (and locking) more
 * cards; then the card. Each reservation is one atomic increment returning the
 * new count, so of any number of parallel attempts only the first 20 per
 * address and 5 per card are let through.
 */
export async function reserveAttempt(attempts: LoginAttemptStore, keys: Keys, now: number): Promise<Reserved | Refused> {
  const address = await attempts.reserve(keys.address, now, ADDRESS_POLICY);
  if (address.attempts > ADDRESS_POLICY.maxAttempts) return { reason: 'address-locked', first: address.attempts === ADDRESS_POLICY.maxAttempts + 1 };
  const card = await attempts.reserve(keys.card, now, CARD_POLICY);
  if (card.attempts > CARD_POLICY.maxAttempts) return { reason: 'card-locked', first: card.attempts === CARD_POLICY.maxAttempts + 1 };
  return { card, address };
}

/** A checked attempt that failed: which lock it ended in, if any. The card is reported first: it is the one the member asked about. */
export function lockAfterFailure(reserved: Reserved): Refusal | null {
  if (reserved.card.lockedUntil) return 'card-locked';
  if (reserved.address.lockedUntil) return 'address-locked';
  return null;
}

/** A login that succeeded: the card starts afresh, and the address gets its attempt back. */
export async function forgiveAttempt(attempts: LoginAttemptStore, keys: Keys, now: number): Promise<void> {
  await Promise.all([attempts.clear(keys.card), attempts.release(keys.address, now, ADDRESS_POLICY)]);
}
