// The address a request comes from: the socket's peer, or, when that peer is a reverse proxy the
// server was told to trust, the address the proxy names in `X-Forwarded-For` (the last one it
// added that is not itself a trusted proxy). Anyone else's `X-Forwarded-For` is ignored: a
// client could put any address there to dodge a per-address limit.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Finds the client address of a request. */
export type ClientAddress = (request: IncomingMessage) => string;

/** `::ffff:127.0.0.1` as `127.0.0.1`; other addresses as they are, lower case. */
export function normalizeAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/** A {@link ClientAddress} trusting `X-Forwarded-For` from the proxies at `trustedProxies` only. */
export function clientAddressOf(trustedProxies: readonly string[] = []): ClientAddress {
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  return (request) => {
    const peer = normalizeAddress(request.socket.remoteAddress ?? '');
    if (!trusted.has(peer)) return peer;
    const forwarded = request.headers['x-forwarded-for'];
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map(normalizeAddress)
      .filter((hop) => isIP(hop) !== 0);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] as string;
      if (!trusted.has(hop)) return hop;
    }
    return peer;
  };
}
