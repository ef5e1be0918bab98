// CORS for the git remote, so the app on another origin (the static server's port, Vite's dev
// server) can fetch and push with `fetch`. Nothing here is secret: the server is loopback only.
import type { IncomingMessage } from 'node:http';

/** Origins whose pages may read answers: any, or an exact list such as `['http://127.0.0.1:8173']`. */
export type AllowedOrigins = 'any' | readonly string[];

/** Response headers a page may read beyond the safelisted ones. */
const EXPOSED = 'Content-Type, Content-Length, Cache-Control, Expires, Pragma, Date, WWW-Authenticate, Retry-After';

/**
 * The CORS headers for `request`: the Origin echoed when it is allowed, and on a preflight
 * (`OPTIONS`) the allowed methods and the requested headers echoed. Always `Vary: Origin`.
 */
export function corsHeaders(request: IncomingMessage, allowed: AllowedOrigins): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined || (allowed !== 'any' && !allowed.includes(origin))) return { Vary: 'Origin' };
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
