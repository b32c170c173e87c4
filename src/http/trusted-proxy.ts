import { BlockList, isIP } from 'node:net';
import type Koa from 'koa';

/**
 * Which proxies in front of Shelfmark may say who the client is: none, a
 * number of hops (each appends the address it received from to
 * X-Forwarded-For), or the proxies' own addresses and ranges.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; entries: string[] };

const NONE: TrustProxy = { kind: 'none' };

/** An IPv4 address as the socket may give it (`::ffff:10.0.0.1`) in its plain form. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

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

/** A matcher for the listed proxies. */
function trustedList(entries: string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/** Who sent a request, and whether it came through a proxy we trust (so its X-Forwarded-Proto/-Host count). */
export interface ClientOrigin { address: string; viaTrustedProxy: boolean }

/**
 * Reads the client address from the right of the chain (X-Forwarded-For, then
 * the socket's peer), as Express's `trust proxy` does: entries further left
 * were written by whoever sent the request and prove nothing.
 */
export function clientOrigin(trust: TrustProxy, isTrusted: (address: string) => boolean, peer: string, forwardedFor: string): ClientOrigin {
  if (trust.kind === 'none') return { address: peer, viaTrustedProxy: false };
  const chain = [...forwardedFor.split(',').map((e) => plain(e.trim())).filter(Boolean), peer];
  if (trust.kind === 'hops') return { address: chain[Math.max(0, chain.length - 1 - trust.hops)]!, viaTrustedProxy: true };
  let i = chain.length - 1;
  while (i > 0 && isTrusted(chain[i]!)) i--;
  return { address: chain[i]!, viaTrustedProxy: isTrusted(peer) };
}

/**
 * Sets ctx.ip to the client address by TRUST_PROXY, and drops the forwarded
 * protocol and host when the peer is not a trusted proxy. The app is built
 * with `proxy: true` whenever TRUST_PROXY is set, so koa reads those headers.
 */
export function trustedProxy(trust: TrustProxy): Koa.Middleware {
  const isTrusted = trust.kind === 'list' ? trustedList(trust.entries) : () => false;
  return async (ctx, next) => {
    const peer = plain(ctx.req.socket.remoteAddress ?? '');
    const origin = clientOrigin(trust, isTrusted, peer, ctx.get('x-forwarded-for'));
    ctx.request.ip = origin.address;
    if (!origin.viaTrustedProxy) {
      delete ctx.req.headers['x-forwarded-proto'];
      delete ctx.req.headers['x-forwarded-host'];
    }
    await next();
  };
}
