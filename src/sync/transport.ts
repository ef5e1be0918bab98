import { concatBytes } from '../store/index.ts';
import { AbortedError, AuthFailedError, NotFoundError, OfflineError, RateLimitedError, ServerError, SyncError } from './errors.ts';

/** Where and how to reach a remote. Credentials stay in memory and go only to `url` or `corsProxy`. */
export interface RemoteOptions {
  /** Smart-HTTP URL of the repository, e.g. `http://127.0.0.1:8174/tasks.git`. */
  url: string;
  auth?: { username: string; password: string };
  /** A CORS proxy such as @isomorphic-git/cors-proxy: requests go to `<proxy>/<host>/<path>`. */
  corsProxy?: string;
  signal?: AbortSignal;
  /** Milliseconds one request may take before it counts as offline; default 30 s. */
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
  const send = async (path: string, phase: string, init: RequestInit): Promise<Uint8Array> => {
    const headers = new Headers(init.headers);
    if (options.auth) headers.set('Authorization', basicAuth(options.auth));
    const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const url = requestUrl(options.url, options.corsProxy, path);
    try {
      const response = await fetch(url, { ...init, headers, signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) throw new AuthFailedError(options.url, response.status);
      if (response.status === 404) throw new NotFoundError(options.url);
      if (!response.ok) {
        const body = (await response.text().catch(() => '')).slice(0, 200);
        if (response.status === 429) throw new RateLimitedError(options.url, body.trim(), parseRetryAfter(response.headers.get('Retry-After')));
        throw new ServerError(options.url, response.status, body);
      }
      return await readBody(response, options.onBytes);
    } catch (error) {
      if (options.signal?.aborted) throw new AbortedError(phase);
      if (timeout.aborted) throw new OfflineError(options.url, 'the request timed out', error);
      if (error instanceof SyncError) throw error;
      throw new OfflineError(options.url, error instanceof Error ? error.message : String(error), error);
    }
  };
  return {
    advertise: (service) => send(`info/refs?service=${service}`, 'discovery', { method: 'GET' }),
    rpc: (service, body) =>
      send(service, service === 'git-upload-pack' ? 'fetch' : 'push', {
        method: 'POST',
        headers: { 'Content-Type': `application/x-${service}-request`, Accept: `application/x-${service}-result` },
        body: body as BodyInit,
      }),
  };
}

/** Seconds from a `Retry-After` header: a number of seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function readBody(response: Response, onBytes: RemoteOptions['onBytes']): Promise<Uint8Array> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onBytes?.(loaded, total);
  }
  return concatBytes(chunks);
}
