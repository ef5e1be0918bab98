// One request through the way through: the body read whole (so a redirect can be followed with
// it), sent to the allowed host with only the headers git needs (`Authorization` among them,
// which therefore reaches allowed hosts only), redirects followed within the same host and to
// smart-HTTP paths only, and the answer streamed back with only the headers a git client reads.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { parseSmartRequest } from '../smart-http.ts';
import { sendText } from '../security-headers.ts';
import { isRepositoryPath, type UpstreamTarget } from './upstreams.ts';

/** Limits and trust of the way through. */
export interface ForwardOptions {
  /** Extra certificate authorities trusted for upstream TLS (besides Node's own). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** A request body larger than this is refused (413); default 100 MiB. */
  maxBodyBytes?: number;
  /** Bytes of request bodies held at once by all requests; beyond it a request is told to come back (503). Default 256 MiB. */
  maxHeldBytes?: number;
  /** An upstream silent this long is given up (504); default 60 s. */
  timeoutMs?: number;
  /** Redirects followed at most; default 5. */
  maxRedirects?: number;
}

/** Request headers passed upstream; every other (cookies, Origin, Referer, forwarding headers) stays here. */
const REQUEST_HEADERS = ['accept', 'content-type', 'content-encoding', 'git-protocol', 'authorization'];
/** Response headers passed back. */
const RESPONSE_HEADERS = ['content-type', 'cache-control', 'expires', 'pragma', 'retry-after', 'www-authenticate'];
const REDIRECTS = new Set([301, 302, 307, 308]);
const USER_AGENT = 'git/2 (Taskgit way through)';

/**
 * The bytes of request bodies the way through holds at once. Each body is held whole (for a
 * redirect), and anyone may send one: without a bound, a few dozen large bodies sent at once
 * would take all the server's memory.
 */
export class HeldBytes {
  #held = 0;

  constructor(readonly limit: number) {}

  /** Takes `bytes` more when they fit under the limit; else takes nothing and says so. */
  take(bytes: number): boolean {
    if (this.#held + bytes > this.limit) return false;
    this.#held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#held -= bytes;
  }
}

/** Default {@link ForwardOptions.maxHeldBytes}. */
export const DEFAULT_MAX_HELD_BYTES = 256 * 1024 * 1024;

/** Forwards `request` to `target`, answering `response`; its body counts against `held` while it is held. */
export async function forward(target: UpstreamTarget, request: IncomingMessage, response: ServerResponse, options: ForwardOptions, held: HeldBytes): Promise<void> {
  const body = await readBody(request, options.maxBodyBytes ?? 100 * 1024 * 1024, held);
  if (body === 'too-large') {
    sendText(response, 413, 'The request is larger than the way through takes.\n', { Connection: 'close' });
    return;
  }
  if (body === 'busy') {
    sendText(response, 503, 'The way through is carrying as much as it may at once; try again in a minute.\n', { Connection: 'close', 'Retry-After': '60' });
    return;
  }
  try {
    await send(target, request, response, body, options);
  } finally {
    held.give(body.length);
  }
}

/** Sends `body` upstream, following the redirects it may, and streams the answer back. */
async function send(target: UpstreamTarget, request: IncomingMessage, response: ServerResponse, body: Buffer, options: ForwardOptions): Promise<void> {
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Host: target.upstream.host };
  for (const name of REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (body.length > 0) headers['content-length'] = String(body.length);
  let url = target.url;
  for (let redirects = 0; ; redirects++) {
    const upstream = await sendOnce(target, url, request.method ?? 'GET', headers, body, options).catch((error: Error) => error);
    if (upstream instanceof Error) {
      const timedOut = upstream.message === 'timeout';
      sendText(response, timedOut ? 504 : 502, `The way through could not reach ${target.upstream.host}${timedOut ? ' (it did not answer in time)' : ''}: ${upstream.message}\n`);
      return;
    }
    const status = upstream.statusCode ?? 502;
    const location = upstream.headers.location;
    if (!REDIRECTS.has(status) || location === undefined) {
      pipeAnswer(upstream, response, request);
      return;
    }
    upstream.resume();
    const next = sameHostRedirect(url, location, request.method ?? 'GET', target);
    if (typeof next === 'string' || redirects >= (options.maxRedirects ?? 5)) {
      const why = typeof next === 'string' ? next : `it redirected more than ${options.maxRedirects ?? 5} times`;
      sendText(response, 502, `${target.upstream.host} sent the way through elsewhere, which it does not follow: ${why}.\n`);
      return;
    }
    url = next;
  }
}

/** The redirect's target when it stays on the same host and names the same kind of smart-HTTP request; else why not. */
function sameHostRedirect(from: URL, location: string, method: string, target: UpstreamTarget): URL | string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return 'a redirect to an unreadable address';
  }
  if (next.protocol !== from.protocol || next.host !== from.host) return `a redirect to another host (${next.protocol}//${next.host}); redirects are followed within the same host only`;
  const smart = parseSmartRequest(method, `${next.pathname}${next.search}`);
  if (!smart || smart.service !== target.smart.service || smart.kind !== target.smart.kind || !isRepositoryPath(smart.repoPath)) {
    return `a redirect to ${next.pathname}, which is not the same git request`;
  }
  return next;
}

function sendOnce(target: UpstreamTarget, url: URL, method: string, headers: Record<string, string>, body: Buffer, options: ForwardOptions): Promise<IncomingMessage> {
  const [connectHost, connectPort] = splitHostPort(target.upstream.connect ?? url.host, url.protocol === 'https:' ? 443 : 80);
  const requestOptions: RequestOptions = {
    host: connectHost,
    port: connectPort,
    method,
    path: `${url.pathname}${url.search}`,
    headers,
    servername: url.hostname,
    agent: false,
    ...(options.ca ? { ca: options.ca } : {}),
  };
  return new Promise((done, fail) => {
    const outgoing = (url.protocol === 'https:' ? httpsRequest : httpRequest)(requestOptions, done);
    outgoing.setTimeout(options.timeoutMs ?? 60_000, () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

function pipeAnswer(upstream: IncomingMessage, response: ServerResponse, request: IncomingMessage): void {
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers[name];
    if (value === undefined) continue;
    // A browser shows its own password dialog for a challenge; the app asks for credentials itself.
    if (name === 'www-authenticate' && request.headers['sec-fetch-mode'] !== undefined) continue;
    response.setHeader(name, value);
  }
  response.writeHead(upstream.statusCode ?? 502);
  upstream.pipe(response);
  upstream.on('error', () => response.destroy());
  response.on('close', () => upstream.destroy());
}

/**
 * The whole body of `request`, taken from `held` as it arrives (its declared length at once);
 * `too-large` or `busy` (and nothing taken) when it is over `limit` or does not fit in `held`.
 */
function readBody(request: IncomingMessage, limit: number, held: HeldBytes): Promise<Buffer | 'too-large' | 'busy'> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let taken = 0;
    let settled = false;
    const settle = (outcome: Buffer | 'too-large' | 'busy' | Error) => {
      if (settled) return;
      settled = true;
      if (outcome instanceof Buffer) {
        held.give(taken - outcome.length); // hold no more than was sent
        done(outcome);
        return;
      }
      held.give(taken);
      request.removeAllListeners('data');
      request.resume();
      if (outcome instanceof Error) fail(outcome);
      else done(outcome);
    };
    /** Takes what `bytes` of body need from `held`; false once the body was refused. */
    const hold = (bytes: number): boolean => {
      if (bytes > limit) settle('too-large');
      else if (bytes > taken && !held.take(bytes - taken)) settle('busy');
      else taken = Math.max(taken, bytes);
      return !settled;
    };
    const declared = Number(request.headers['content-length'] ?? 0);
    if (!hold(Number.isSafeInteger(declared) ? declared : limit + 1)) return;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (hold(size)) chunks.push(chunk);
    });
    request.on('end', () => settle(Buffer.concat(chunks)));
    request.on('error', () => settle(new Error('the request failed before its end')));
    // A client that leaves mid-body ends nothing: without this the wait would never end.
    request.on('close', () => {
      if (!request.complete) settle(new Error('the client left before sending the whole request'));
    });
  });
}

function splitHostPort(hostPort: string, defaultPort: number): [string, number] {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hostPort);
  return [match?.[1] ?? hostPort, match?.[2] ? Number(match[2]) : defaultPort];
}
