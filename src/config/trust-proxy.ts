import { isIP } from 'node:net';

/**
 * Which proxies in front of Shelfmark may say who the client is: none, a
 * number of hops (each appends the address it received from to
 * X-Forwarded-For), or the proxies' own addresses and ranges.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; entries: string[] };

const NONE: TrustProxy = { kind: 'none' };

/** Parses TRUST_PROXY; returns an error message for a value it cannot use. */
export function parseTrustProxy(raw: string): TrustProxy | string {
  const value = raw.trim().toLowerCase();
  if (['false', '0', 'no'].includes(value)) return NONE;
  // `true` meant "behind a proxy" before hops and lists existed: one hop, the common nginx case.
  if (['true', 'yes'].includes(value)) return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(value)) return Number(value) <= 10 ? { kind: 'hops', hops: Number(value) } : 'at most 10 proxy hops';
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      return `must be false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges (${JSON.stringify(entry)} is none of these)`;
    }
  }
  return entries.length ? { kind: 'list', entries } : 'must not be an empty list';
}

