// The `Host` names a server answers to. A page on another site can make a browser send requests
// to a loopback server, and by DNS rebinding (a name of theirs that resolves to 127.0.0.1) even
// read the answers as its own origin; such a request carries the attacker's name in `Host`, so
// checking it against the names the server is known by closes that door.
import type { IncomingMessage } from 'node:http';

/** Host header values a server takes (lower case, `name` or `name:port`), or any. */
export type AllowedHosts = 'any' | ReadonlySet<string>;

/** The names a loopback server on `port` is reached by: `127.0.0.1`, `localhost` and `[::1]`. */
export function loopbackHosts(port: number): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port}`));
}

/** The names a server listening on `host:port` is reached by: the loopback names and `host` itself. */
export function listeningHosts(host: string, port: number): Set<string> {
  return new Set([...loopbackHosts(port), `${host.includes(':') ? `[${host}]` : host}:${port}`.toLowerCase()]);
}

/** The `Host` values a browser sends for pages of `origins` (with and without a default port). */
export function hostsOfOrigins(origins: Iterable<string>): Set<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const url = new URL(origin);
    hosts.add(url.host.toLowerCase());
    if (url.port === '') hosts.add(`${url.hostname.toLowerCase()}:${url.protocol === 'https:' ? 443 : 80}`);
  }
  return hosts;
}

/** Whether `request` names a host the server answers to. */
export function isAllowedHost(request: IncomingMessage, allowed: AllowedHosts): boolean {
  if (allowed === 'any') return true;
  const host = request.headers.host;
  return host !== undefined && allowed.has(host.toLowerCase());
}

/** The words for a request to a name the server does not answer to. */
export function unknownHostMessage(request: IncomingMessage): string {
  const host = (request.headers.host ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
  return `This server does not answer to the host name "${host}". Use the address it was started with.\n`;
}
