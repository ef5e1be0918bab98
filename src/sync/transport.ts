import { concatBytes } from '../store/index.ts';
import {
  AbortedError,
  AuthFailedError,
  InterruptedError,
  NotARemoteError,
  OfflineError,
  RateLimitedError,
  ServerError,
  SyncError,
  UnreachableError,
  type UnreachableReason,
} from './errors.ts';

/** Where and how to reach a remote. Credentials stay in memory and go only to `url` or `corsProxy`. */
export interface RemoteOptions {
  /** Smart-HTTP URL of the repository, e.g. `http://127.0.0.1:8174/tasks.git`. */
  url: string;
  auth?: { username: string; password: string };
  /** A CORS proxy such as @isomorphic-git/cors-proxy: requests go to `<proxy>/<host>/<path>`. */
  corsProxy?: string;
  signal?: AbortSignal;
  /** Milliseconds one request may take before the remote counts as unreachable; default 30 s. */
  timeoutMs?: number;
  /** Bytes received so far, for progress bars. */
  onBytes?: (loaded: number, total: number | undefined) => void;
}

/** The two requests the smart-HTTP protocol makes. */
export interface Transport {
  /** GET `<url>/info/refs?service=<service>`. */
  advertise(service: GitService): Promise<Uint8Array>;
  /** POST `<url>/<service>` with a request body. */
  rpc(service: GitService, body: Uint8Array): Promise<Uint8Array>;
  /** GET `<url>/<path>`, revalidated through the HTTP cache (a file the server publishes, e.g. a comment page snapshot). */
  get(path: string): Promise<Uint8Array>;
}

export type GitService = 'git-upload-pack' | 'git-receive-pack';

const DEFAULT_TIMEOUT_MS = 30_000;

/** The address requests go to: the remote itself, or the CORS proxy in front of it. */
export function requestUrl(url: string, corsProxy: string | undefined, path: string): string {
  const target = `${url.replace(/\/+$/, '')}/${path}`;
  if (!corsProxy) return target;
  return `${corsProxy.replace(/\/+$/, '')}/${target.replace(/^https?:\/\//, '')}`;
}

/** Basic auth header value, UTF-8 safe. */
function basicAuth(auth: { username: string; password: string }): string {
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** A transport over `fetch`, which Node 20 and every browser have. */
export function createTransport(options: RemoteOptions): Transport {
  const send = async (path: string, phase: string, kind: 'advertisement' | 'result', init: RequestInit): Promise<Uint8Array> => {
    const headers = new Headers(init.headers);
    if (options.auth) headers.set('Authorization', basicAuth(options.auth));
    const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const request = { url: options.url, phase, signal: options.signal, timeout };
    let response: Response;
    try {
      response = await fetch(requestUrl(options.url, options.corsProxy, path), { cache: 'no-store', ...init, headers, signal });
    } catch (error) {
      throw classifyRequestFailure(error, request);
    }
    if (response.status === 401 || response.status === 403) throw new AuthFailedError(options.url, response.status, options.auth !== undefined);
    if (response.status === 404) throw new NotARemoteError(options.url, 'not-found', 404);
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).slice(0, 200);
      if (response.status === 429) throw new RateLimitedError(options.url, body.trim(), parseRetryAfter(response.headers.get('Retry-After')));
      throw new ServerError(options.url, response.status, body);
    }
    const body = await readBody(response, options.onBytes, request);
    checkGitAnswer(options.url, kind, response, body);
    return body;
  };
  return {
    advertise: (service) => send(`info/refs?service=${service}`, 'discovery', 'advertisement', { method: 'GET' }),
    get: (path) => send(path, 'fetch', 'result', { method: 'GET', cache: 'no-cache' }),
    rpc: (service, body) =>
      send(service, service === 'git-upload-pack' ? 'fetch' : 'push', 'result', {
        method: 'POST',
        headers: { 'Content-Type': `application/x-${service}-request`, Accept: `application/x-${service}-result` },
        body: body as BodyInit,
      }),
  };
}

/** What a failed request was: for whom, in which phase, and the signals that may have ended it. */
interface RequestContext {
  url: string;
  phase: string;
  signal: AbortSignal | undefined;
  timeout: AbortSignal;
}

/**
 * Why a request got no answer: the caller stopped it, it timed out, the browser is offline, or
 * the server could not be reached (in Node, `cause.code` tells refused from no such host; a
 * browser only says the fetch failed).
 */
export function classifyRequestFailure(error: unknown, { url, phase, signal, timeout }: RequestContext): SyncError {
  if (error instanceof SyncError) return error;
  if (signal?.aborted) return new AbortedError(phase);
  const detail = error instanceof Error ? error.message : String(error);
  if (timeout.aborted) return new UnreachableError(url, 'timeout', detail, error);
  if (isBrowserOffline()) return new OfflineError(url, error);
  return new UnreachableError(url, unreachableReason(error), detail, error);
}

/** Node's (undici's) error codes, read from the error, its causes and an AggregateError's errors. */
function unreachableReason(error: unknown): UnreachableReason {
  const codes: string[] = [];
  const collect = (at: unknown, depth: number): void => {
    if (!(at instanceof Error) || depth > 4) return;
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    if (at instanceof AggregateError) for (const inner of at.errors) collect(inner, depth + 1);
    collect(at.cause, depth + 1);
  };
  collect(error, 0);
  const has = (pattern: RegExp): boolean => codes.some((code) => pattern.test(code));
  if (has(/^ECONNREFUSED$/)) return 'refused';
  if (has(/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/)) return 'no-such-host';
  if (has(/TIMEOUT|^ETIMEDOUT$/)) return 'timeout';
  if (has(/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|^ERR_TLS/)) return 'certificate';
  if (has(/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/)) return 'reset';
  return 'network';
}

function isBrowserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Refuses an answer that is plainly not git's: a web page (a login page, a host's "not found"
 * page served with 200), or bytes that do not start as a pkt-line does. A git remote over smart
 * HTTP answers `application/x-git-…` and starts with four hex digits.
 */
function checkGitAnswer(url: string, kind: 'advertisement' | 'result', response: Response, body: Uint8Array): void {
  const type = response.headers.get('Content-Type') ?? '';
  const first = body.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  if (/html/i.test(type) || first === 0x3c /* < */) throw new NotARemoteError(url, 'web-page', response.status);
  const hex = (i: number): boolean => /[0-9a-f]/.test(String.fromCharCode(body[i] ?? 0));
  if (kind === 'advertisement' && !(body.length >= 4 && hex(0) && hex(1) && hex(2) && hex(3))) throw new NotARemoteError(url, 'not-git', response.status);
}

/** Seconds from a `Retry-After` header: a number of seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Reads the whole body, reporting bytes as they come. A body that breaks off (the connection
 * closes, or goes silent past the timeout) after the answer began is an InterruptedError: the
 * server died mid-answer, which is not the same as being unreachable.
 */
async function readBody(response: Response, onBytes: RemoteOptions['onBytes'], request: RequestContext): Promise<Uint8Array> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onBytes?.(loaded, total);
    }
  } catch (error) {
    if (request.signal?.aborted) throw new AbortedError(request.phase);
    throw new InterruptedError(request.url, loaded, request.timeout.aborted ? 'timeout' : 'cut', error);
  }
  if (total !== undefined && loaded < total) throw new InterruptedError(request.url, loaded, 'cut');
  return concatBytes(chunks);
}
