import type { PinVerifier } from '../http/deps.js';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: 2^14 × 8 × 128 bytes = 16 MiB of memory per hash, about 50 ms on a small server. */
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** A memory-hard hash of a PIN with its own random salt, as `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `pin` matches `stored`; compared in constant time. A malformed hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(pin, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return expected.length === key.length && timingSafeEqual(expected, key);
}

let decoy: Promise<string> | undefined;

/**
 * Spend the same time as checking a real PIN, for a card nobody has, so the
 * response time does not tell whether a card exists.
 */
export async function verifyAgainstDecoy(pin: string): Promise<false> {
  decoy ??= hashPin('decoy');
  await verifyPin(pin, await decoy);
  return false;
}

/** The scrypt verifier every server uses. */
export const scryptPins: PinVerifier = { verify: verifyPin, decoy: verifyAgainstDecoy };
