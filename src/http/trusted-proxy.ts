import { BlockList, isIP } from 'node:net';
import type Koa from 'koa';
import type { TrustProxy } from '../config/trust-proxy.js';

export { parseTrustProxy, type TrustProxy } from '../config/trust-proxy.js';

/** An IPv4 address as the socket may give it (`::ffff:10.0.0.1`) in its plain form. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
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
