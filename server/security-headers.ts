// Headers every answer of every server here carries, errors included: no content sniffing, no
// referrer, no framing, and a Content-Security-Policy under which nothing loads (the static
// server replaces it with the page policy for the files it serves).
import type { ServerResponse } from 'node:http';
import { NON_PAGE_POLICY } from './content-security-policy.ts';

/** Set on every answer. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': NON_PAGE_POLICY,
};

/** One year: browsers keep to HTTPS for the site once they have seen it over HTTPS. */
const HSTS = 'max-age=31536000';

/** Sets {@link SECURITY_HEADERS} on `response`, and HSTS when the site is reached over HTTPS. */
export function setSecurityHeaders(response: ServerResponse, options: { https?: boolean } = {}): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (options.https) response.setHeader('Strict-Transport-Security', HSTS);
}

/** Answers `status` with a plain-text body; headers already set on `response` are kept. */
export function sendText(response: ServerResponse, status: number, body: string, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
