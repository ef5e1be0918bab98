// The request handler every server here is built from: the security headers on every answer,
// the `Host` check, the access log, the health endpoint, the Origin gate and CORS for the parts
// pages may use (git repositories, the way through to GitHub), then the part the path belongs
// to, and the static files for the rest.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { logWhenDone, type AccessLog } from './access-log.ts';
import type { ClientAddress } from './client-address.ts';
import { corsHeaders, foreignOriginMessage, judgeOrigin, type AllowedOrigins } from './cors.ts';
import { ServerError } from './errors.ts';
import { isAllowedHost, unknownHostMessage, type AllowedHosts } from './host-check.ts';
import { sendText, setSecurityHeaders } from './security-headers.ts';
import type { StaticFiles } from './static-files.ts';

/** What the front knows of the request it is answering, filled in as it goes. */
export interface Exchange {
  /** The client's address (see client-address.ts). */
  readonly address: string;
  /** The checked user, once a part has checked one, e.g. `alice (laptop)`. */
  user?: string;
}

/** Serves a request a part answers. */
export type Serve = (request: IncomingMessage, response: ServerResponse, exchange: Exchange) => Promise<void>;

/** A part of a server (git repositories, the way through): the paths it owns and what it answers there. */
export interface Router {
  /** Whether `path` is this part's: a request there is answered by it or is a 404 in `notFound`'s words, never a file. */
  owns(path: string): boolean;
  /** Origins beyond the site's own whose pages may use this part at `path`. */
  origins(path: string): AllowedOrigins;
  /** What serves `method` (for a preflight, the method asked about) at `rawUrl`, if this part answers it. */
  match(method: string, rawUrl: string): Serve | undefined;
  readonly notFound: string;
}

/** How the front answers. */
export interface FrontOptions {
  /** `Host` names answered. */
  hosts: AllowedHosts;
  /** The origins of the server's own pages. */
  ownOrigins: ReadonlySet<string>;
  /** Reached over HTTPS (directly or through a proxy): HSTS is sent. */
  https?: boolean;
  clientAddress: ClientAddress;
  routers: readonly Router[];
  /** The app; without it, paths no router owns are 404s. */
  files?: StaticFiles;
  /** `GET /healthz`: the state to report; a thrown error is reported as unhealthy (503). */
  health?: () => Promise<Record<string, unknown>>;
  log?: AccessLog;
  /** Told of each request that failed with a 500. */
  onError?: (error: Error) => void;
}

/** The request listener for `options`. */
export function createFront(options: FrontOptions): RequestListener {
  return (request, response) => {
    const exchange: Exchange = { address: options.clientAddress(request) };
    if (options.log) logWhenDone(request, response, () => exchange, options.log);
    answer(options, request, response, exchange).catch((error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      options.onError?.(failure);
      // The details go to the log (onError), not to whoever asked.
      const code = error instanceof ServerError ? ` (${error.code})` : '';
      if (!response.headersSent) sendText(response, 500, `internal error${code}; the server's log says more\n`);
      else response.destroy();
    });
  };
}

async function answer(options: FrontOptions, request: IncomingMessage, response: ServerResponse, exchange: Exchange): Promise<void> {
  setSecurityHeaders(response, { https: options.https ?? false });
  const rawUrl = request.url ?? '/';
  const path = rawUrl.split('?', 1)[0] ?? '/';
  // Health says nothing worth protecting, and a monitor asks by whatever name reaches the server.
  if (path === '/healthz' && options.health && (request.method === 'GET' || request.method === 'HEAD')) {
    await answerHealth(options.health, response);
    return;
  }
  if (!isAllowedHost(request, options.hosts)) {
    sendText(response, 421, unknownHostMessage(request));
    return;
  }
  const router = options.routers.find((candidate) => candidate.owns(path));
  if (router) {
    await answerRouter(options, router, request, response, exchange);
    return;
  }
  if (!options.files) {
    sendText(response, 404, 'not found\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  await options.files(request, response);
}

async function answerRouter(options: FrontOptions, router: Router, request: IncomingMessage, response: ServerResponse, exchange: Exchange): Promise<void> {
  const verdict = judgeOrigin(request, options.ownOrigins, router.origins((request.url ?? '/').split('?', 1)[0] ?? '/'));
  if (verdict === 'foreign') {
    sendText(response, 403, foreignOriginMessage(request), { Vary: 'Origin' });
    return;
  }
  for (const [name, value] of Object.entries(verdict === 'allowed' ? corsHeaders(request) : { Vary: 'Origin' })) response.setHeader(name, value);
  // No page of another site may embed an answer (a script tag, an image): only read it by CORS.
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  const preflight = request.method === 'OPTIONS';
  const method = preflight ? String(request.headers['access-control-request-method'] ?? '') : (request.method ?? '');
  const serve = router.match(method, request.url ?? '/');
  if (!serve) {
    sendText(response, 404, router.notFound);
    return;
  }
  if (preflight) {
    response.writeHead(204).end();
    return;
  }
  await serve(request, response, exchange);
}

async function answerHealth(health: NonNullable<FrontOptions['health']>, response: ServerResponse): Promise<void> {
  let status = 200;
  let body: Record<string, unknown>;
  try {
    body = { status: 'ok', ...(await health()) };
  } catch (error) {
    status = 503;
    body = { status: 'unhealthy', reason: error instanceof Error ? error.message : String(error) };
  }
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  response.end(text);
}
