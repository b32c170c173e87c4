import { createHmac, randomBytes } from 'node:crypto';

const DAY = 24 * 60 * 60_000;

/**
 * Keys that tell one visit's searches from another's for a day, without
 * storing anything that leads back to the visit: an HMAC of the client
 * address under a random salt held only in this process's memory and
 * replaced at each UTC midnight. Once the salt is gone, so is any way to
 * tell whose key it was; the same address on another day gets an unrelated
 * key. Used only so the demand report can count distinct visits (k-anonymity).
 */
export function dailyVisitKeys(): (address: string, now: number) => string {
  let day = -1;
  let salt = Buffer.alloc(0);
  return (address, now) => {
    const today = Math.floor(now / DAY);
    if (today !== day) {
      day = today;
      salt = randomBytes(32);
    }
    return createHmac('sha256', salt).update(address).digest('base64url').slice(0, 16);
  };
}
