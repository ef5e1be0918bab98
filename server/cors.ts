// Who may use a server's git answers from a web page. A request from a page carries `Origin`:
// the server's own origins are served (same-origin, no CORS needed), origins configured for it
// get CORS headers, and any other is refused outright (a foreign page must not push or fetch,
// even blind). A request without `Origin` comes from a git client or a same-origin GET.
import type { IncomingMessage } from 'node:http';

/** Origins, beyond the server's own, whose pages may read answers: an exact list, or any (tests only). */
export type AllowedOrigins = 'any' | readonly string[];

/** Response headers a page may read beyond the safelisted ones. */
const EXPOSED = 'Content-Type, Content-Length, Cache-Control, Expires, Pragma, Date, WWW-Authenticate, Retry-After';

/** How a request stands by its `Origin`. */
export type OriginVerdict = 'none' | 'own' | 'allowed' | 'foreign';

/** Judges `request`'s `Origin` against the server's own origins and the `allowed` ones. */
export function judgeOrigin(request: IncomingMessage, own: ReadonlySet<string>, allowed: AllowedOrigins): OriginVerdict {
  const origin = request.headers.origin;
  if (origin === undefined) return 'none';
  if (own.has(origin)) return 'own';
  return allowed === 'any' || allowed.includes(origin) ? 'allowed' : 'foreign';
}

/**
 * The CORS headers for `request` from an allowed origin: the Origin echoed, and on a preflight
 * (`OPTIONS`) the allowed methods and the requested headers echoed. Always `Vary: Origin`.
 */
export function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return { Vary: 'Origin' };
  const headers: Record<string, string> = {
    Vary: 'Origin',
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED,
  };
  if (request.method === 'OPTIONS') {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
    headers['Access-Control-Max-Age'] = '600';
    const requested = request.headers['access-control-request-headers'];
    if (requested) headers['Access-Control-Allow-Headers'] = requested;
  }
  return headers;
}

/** The words for a request from a page of another site. */
export function foreignOriginMessage(request: IncomingMessage): string {
  const origin = (request.headers.origin ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
  return `Requests from pages of ${origin} are not accepted here; only this server's own app (and origins it is configured for) may use it.\n`;
}
