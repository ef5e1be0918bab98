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
import { serverWords } from './server-words.ts';

/** Where and how to reach a remote. Credentials stay in memory and go only to `url` or `corsProxy`. */
export interface RemoteOptions {
  /** Smart-HTTP URL of the repository, e.g. `http://127.0.0.1:8174/tasks.git`. */
  url: string;
  auth?: { username: string; password: string };
  /** A CORS proxy such as @isomorphic-git/cors-proxy: requests go to `<proxy>/<host>/<path>`. */
  corsProxy?: string;
  signal?: AbortSignal;
  /**
   * Milliseconds the remote may stay silent (before it answers, or between two chunks of its
   * answer) before it counts as unreachable, or as interrupted mid-answer; default 30 s. A long
   * answer that keeps coming (the first fetch of a large repository) is never cut short.
   */
  timeoutMs?: number;
  /** Bytes received so far, for progress bars. */
  onBytes?: (loaded: number, total: number | undefined) => void;
  /**
   * Send POSTs without a Content-Type, so a browser sends them to another origin as CORS-simple
   * requests, with no preflight before each; only for a remote that reads the body whatever it
   * is labelled, as the comment remote does (`git http-backend` does not).
   */
  untypedPosts?: boolean;
}

/**
 * What it takes to make the same requests from another realm (the unpack worker): plain data that
 * `postMessage` clones, the credentials included (they stay in memory, and go only to that realm
 * and to the remote). The signal and the progress callback stay behind: that realm is ended to
 * stop it, and reports its own progress.
 */
export type PortableRemote = Pick<RemoteOptions, 'url' | 'auth' | 'corsProxy' | 'timeoutMs' | 'untypedPosts'>;

/** The two requests the smart-HTTP protocol makes. */
export interface Transport {
  /**
   * What this transport was made from (`createTransport` says), for a Web Worker to make the same
   * one and read an answer itself. A transport of the caller's own has none: its code cannot
   * cross to a worker, so its answers are read where it is called.
   */
  readonly portable?: PortableRemote;
  /** GET `<url>/info/refs?service=<service>`. */
  advertise(service: GitService): Promise<Uint8Array>;
  /** POST `<url>/<service>` with a request body. */
  rpc(service: GitService, body: Uint8Array): Promise<Uint8Array>;
  /** GET `<url>/<path>`, revalidated through the HTTP cache (a file the server publishes, e.g. a comment page snapshot). */
  get(path: string): Promise<Uint8Array>;
  /**
   * The same request, handing each chunk of the answer to `onChunk` as it arrives (awaited: a
   * slow consumer holds the reading back) instead of collecting them. What `onChunk` throws
   * (a refused pack, a full store) comes out as it is, not as the network's failure.
   */
  rpcStream(service: GitService, body: Uint8Array, onChunk: (chunk: Uint8Array) => Promise<void>): Promise<void>;
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
  const send = async (path: string, phase: string, kind: GitAnswerKind, init: RequestInit, onChunk?: ChunkConsumer): Promise<Uint8Array> => {
    const headers = new Headers(init.headers);
    if (options.auth) headers.set('Authorization', basicAuth(options.auth));
    const timeout = silenceTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    const request = { url: options.url, phase, signal: options.signal, timeout: timeout.signal };
    try {
      let response: Response;
      try {
        response = await fetch(requestUrl(options.url, options.corsProxy, path), { cache: 'no-store', ...init, headers, signal });
      } catch (error) {
        throw classifyRequestFailure(error, request);
      }
      if (response.status === 404) throw new NotARemoteError(options.url, 'not-found', 404);
      if (!response.ok) {
        // A refusal's body is the remote's reason, shown to the person as plain text.
        const reason = serverWords(await response.text().catch(() => ''), response.headers.get('Content-Type'));
        const sentCredentials = options.auth !== undefined;
        if (response.status === 401 || response.status === 403) throw new AuthFailedError(options.url, response.status, sentCredentials, reason);
        if (response.status === 429) throw new RateLimitedError(options.url, reason, parseRetryAfter(response.headers.get('Retry-After')), sentCredentials);
        throw new ServerError(options.url, response.status, reason);
      }
      if (!onChunk) {
        const body = await readBody(response, options.onBytes, request, signal, timeout);
        checkGitAnswer(options.url, kind, response, body);
        return body;
      }
      // A streamed answer is checked on its first chunk, before any of it reaches the consumer.
      let first = true;
      const checked: ChunkConsumer = async (chunk) => {
        if (first) checkGitAnswer(options.url, kind, response, chunk);
        first = false;
        await onChunk(chunk);
      };
      await readBody(response, options.onBytes, request, signal, timeout, checked);
      return new Uint8Array(0);
    } finally {
      timeout.clear();
    }
  };
  const post = (service: GitService, body: Uint8Array, onChunk?: ChunkConsumer): Promise<Uint8Array> =>
    send(
      service,
      service === 'git-upload-pack' ? 'fetch' : 'push',
      'result',
      {
        method: 'POST',
        headers: { ...(options.untypedPosts ? {} : { 'Content-Type': `application/x-${service}-request` }), Accept: `application/x-${service}-result` },
        body: body as BodyInit,
      },
      onChunk,
    );
  return {
    portable: portableOf(options),
    advertise: (service) => send(`info/refs?service=${service}`, 'discovery', 'advertisement', { method: 'GET' }),
    get: (path) => send(path, 'fetch', 'result', { method: 'GET', cache: 'no-cache' }),
    rpc: (service, body) => post(service, body),
    rpcStream: async (service, body, onChunk) => void (await post(service, body, onChunk)),
  };
}

/** The options' plain data only: what `postMessage` can clone. */
function portableOf({ url, auth, corsProxy, timeoutMs, untypedPosts }: RemoteOptions): PortableRemote {
  const portable: PortableRemote = { url };
  if (auth) portable.auth = { username: auth.username, password: auth.password };
  if (corsProxy !== undefined) portable.corsProxy = corsProxy;
  if (timeoutMs !== undefined) portable.timeoutMs = timeoutMs;
  if (untypedPosts !== undefined) portable.untypedPosts = untypedPosts;
  return portable;
}

type GitAnswerKind = 'advertisement' | 'result';
type ChunkConsumer = (chunk: Uint8Array) => Promise<void>;

/** A signal that fires once `ms` pass without a restart; paused while this side works on what came. */
interface SilenceTimeout {
  signal: AbortSignal;
  restart(): void;
  pause(): void;
  clear(): void;
}

const WENT_SILENT = 'The remote went silent';

function silenceTimeout(ms: number): SilenceTimeout {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pause = (): void => clearTimeout(timer);
  const restart = (): void => {
    pause();
    timer = setTimeout(() => controller.abort(new DOMException(WENT_SILENT, 'TimeoutError')), ms);
  };
  restart();
  return { signal: controller.signal, restart, pause, clear: pause };
}

/** Watches a request made with `remote` in another realm, by the bytes that realm says came. */
export interface SilenceWatch {
  /** `received` bytes of the answer came so far. */
  heard(received: number): void;
  /** The answer is over (or given up): no more watching. */
  stop(): void;
}

/**
 * Gives up a request another realm (a worker) makes with `remote` once the remote stays silent
 * past its timeout, as this transport would: `onSilent` gets an UnreachableError before any of
 * the answer came, an InterruptedError after. So this realm's clock rules that request's timeout,
 * as it rules the rest of a sync (the other realm's own timeout stays, on its own clock).
 */
export function watchSilence(remote: PortableRemote, onSilent: (error: SyncError) => void): SilenceWatch {
  const timeout = silenceTimeout(remote.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let received: number | undefined;
  timeout.signal.addEventListener('abort', () =>
    onSilent(received === undefined ? new UnreachableError(remote.url, 'timeout', WENT_SILENT) : new InterruptedError(remote.url, received, 'timeout')),
  );
  return {
    heard(bytes) {
      received = bytes;
      timeout.restart();
    },
    stop: timeout.clear,
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
function classifyRequestFailure(error: unknown, { url, phase, signal, timeout }: RequestContext): SyncError {
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
function checkGitAnswer(url: string, kind: GitAnswerKind, response: Response, body: Uint8Array): void {
  const type = response.headers.get('Content-Type') ?? '';
  const first = body.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  if (/html/i.test(type) || first === 0x3c /* < */) throw new NotARemoteError(url, 'web-page', response.status);
  const hex = (i: number): boolean => /[0-9a-f]/.test(String.fromCharCode(body[i] ?? 0));
  if (kind === 'advertisement' && !(body.length >= 4 && hex(0) && hex(1) && hex(2) && hex(3))) throw new NotARemoteError(url, 'not-git', response.status);
}

/** Seconds from a `Retry-After` header: a number of seconds or an HTTP date; `undefined` when absent or unreadable. */
function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Reads the body, reporting bytes as they come: into one array, or chunk by chunk into
 * `onChunk` (then the result is empty). A body that breaks off (the connection closes, or goes
 * silent past the timeout) after the answer began is an InterruptedError: the server died
 * mid-answer, which is not the same as being unreachable. What `onChunk` throws passes as it is.
 */
async function readBody(
  response: Response,
  onBytes: RemoteOptions['onBytes'],
  request: RequestContext,
  signal: AbortSignal,
  timeout: SilenceTimeout,
  onChunk?: ChunkConsumer,
): Promise<Uint8Array> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const ended = (error?: unknown): SyncError => {
    if (request.signal?.aborted) return new AbortedError(request.phase);
    return new InterruptedError(request.url, loaded, request.timeout.aborted ? 'timeout' : 'cut', error);
  };
  if (!response.body) {
    let whole: Uint8Array;
    try {
      whole = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw ended(error);
    }
    if (!onChunk) return whole;
    await onChunk(whole);
    return new Uint8Array(0);
  }
  const reader = response.body.getReader();
  // A read already waiting when the signal fires does not always end with it (Node's fetch): cancel it.
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel);
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        throw ended(error);
      }
      if (next.done) break;
      loaded += next.value.length;
      onBytes?.(loaded, total);
      if (!onChunk) chunks.push(next.value);
      else {
        timeout.pause();
        await onChunk(next.value);
      }
      timeout.restart();
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  if (signal.aborted || (total !== undefined && loaded < total)) throw ended();
  return concatBytes(chunks);
}
