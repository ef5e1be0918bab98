/**
 * Test-only HTTP proxy that puts network faults between a client and a git remote: per request,
 * a plan picks whether to pass it through, reset the connection, answer an error status itself,
 * truncate the answer, stall forever, or send the request to the target twice. It never retries
 * on its own, and `close()` ends every connection it holds, stalled ones included.
 */
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { finished } from 'node:stream/promises';
import { baseUrl, closeServer, listen } from '../../server/listen.ts';

/** What the proxy does with one request. */
export type Fault =
  /** Forward it and relay the answer. */
  | { kind: 'pass' }
  /** Reset the connection (TCP RST) before answering; nothing is forwarded. */
  | { kind: 'reset' }
  /** Read the request, then answer `status` (e.g. 500, 401, 503) itself; nothing is forwarded. */
  | { kind: 'status'; status: number; body?: string; headers?: Readonly<Record<string, string>> }
  /**
   * Forward it, relay the head and the first `bytes` bytes of the body, then close the connection
   * without finishing the answer (a shorter body is relayed whole, still unfinished).
   */
  | { kind: 'truncate'; bytes: number }
  /**
   * Forward it, relay the head and the first `bytes` bytes of the body, then send nothing more
   * and keep the connection open, until the client gives up or the proxy closes (a download that
   * stops half way: the moment to close a tab or abort).
   */
  | { kind: 'hold'; bytes: number }
  /** Read the request and never answer, until the client gives up or the proxy closes. */
  | { kind: 'stall' }
  /** Forward it, wait for the whole answer, forward it again and relay the second answer. */
  | { kind: 'duplicate' };

/** What a plan is told about a request. */
export interface PlannedRequest {
  method: string;
  /** The path and query, as sent. */
  path: string;
  /** 0 for the first request the proxy saw, counted across plan changes. */
  index: number;
}

/** Picks the fault for each request. */
export type FaultPlan = (request: PlannedRequest) => Fault;

/** A request the proxy saw, and what it did with it. */
export interface FaultRecord {
  method: string;
  path: string;
  fault: Fault;
}

/** How to start a {@link FaultProxy}. */
export interface FaultProxyOptions {
  /** The server behind the proxy, e.g. `http://127.0.0.1:8174`. */
  target: string;
  plan: FaultPlan;
}

/** A running fault proxy on 127.0.0.1. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>/`: use it in place of the target's URL. */
  readonly url: string;
  readonly port: number;
  /** Every request so far, in arrival order. */
  readonly requests: readonly FaultRecord[];
  /** Plans the requests from now on. */
  setPlan(plan: FaultPlan): void;
  /** Stops listening, cuts every connection and aborts every forwarded request; safe to call twice. */
  close(): Promise<void>;
}

/** Headers of one hop only, never relayed. */
const HOP_HEADERS = ['connection', 'keep-alive', 'proxy-connection'];

/** Starts a fault proxy in front of `options.target`; resolves once it listens. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  let plan = options.plan;
  const requests: FaultRecord[] = [];
  const aborted = new AbortController();
  const agent = new Agent({ keepAlive: false });
  const forward = (request: IncomingMessage, body: IncomingMessage | Buffer) =>
    forwardRequest(target, request, body, { agent, signal: aborted.signal });

  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const fault = plan({ method, path, index: requests.length });
    requests.push({ method, path, fault });
    applyFault(fault, request, response, forward).catch(() => {
      // The target failed or the proxy is closing: a gateway error when still possible.
      if (response.headersSent) response.destroy();
      else response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' }).end('fault proxy: target unreachable\n');
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  let closed: Promise<void> | undefined;
  return {
    url: baseUrl('127.0.0.1', port),
    port,
    requests,
    setPlan: (next) => {
      plan = next;
    },
    close: () => {
      aborted.abort();
      agent.destroy();
      closed ??= closeServer(server);
      return closed;
    },
  };
}

type Forward = (request: IncomingMessage, body: IncomingMessage | Buffer) => Promise<IncomingMessage>;

async function applyFault(fault: Fault, request: IncomingMessage, response: ServerResponse, forward: Forward): Promise<void> {
  switch (fault.kind) {
    case 'pass':
      relay(await forward(request, request), response);
      return;
    case 'reset':
      request.socket.resetAndDestroy();
      return;
    case 'status': {
      await finished(request.resume());
      const body = fault.body ?? `fault proxy: injected ${fault.status}\n`;
      response.writeHead(fault.status, { 'Content-Type': 'text/plain; charset=utf-8', ...fault.headers });
      response.end(body);
      return;
    }
    case 'truncate':
      relayFirst(await forward(request, request), response, fault.bytes, true);
      return;
    case 'hold':
      relayFirst(await forward(request, request), response, fault.bytes, false);
      return;
    case 'stall':
      request.resume();
      return;
    case 'duplicate': {
      const body = await buffer(request);
      const first = await forward(request, body);
      await finished(first.resume());
      relay(await forward(request, body), response);
      return;
    }
  }
}

/** Sends `request` (its body streamed, or given as bytes) to the target; resolves to the answer's head. */
function forwardRequest(
  target: URL,
  request: IncomingMessage,
  body: IncomingMessage | Buffer,
  { agent, signal }: { agent: Agent; signal: AbortSignal },
): Promise<IncomingMessage> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...withoutHopHeaders(request.headers), host: target.host },
        agent,
        signal,
      },
      done,
    );
    outgoing.on('error', fail);
    if (Buffer.isBuffer(body)) outgoing.end(body);
    else body.pipe(outgoing);
  });
}

function relay(answer: IncomingMessage, response: ServerResponse): void {
  response.writeHead(answer.statusCode ?? 502, withoutHopHeaders(answer.headers));
  answer.pipe(response);
}

/** Relays the head and `bytes` bytes of the body, then ends the connection mid-answer (`close`) or holds it open. */
function relayFirst(answer: IncomingMessage, response: ServerResponse, bytes: number, close: boolean): void {
  response.writeHead(answer.statusCode ?? 502, withoutHopHeaders(answer.headers));
  response.flushHeaders();
  let left = bytes;
  const cut = () => {
    answer.off('data', onData);
    answer.off('end', cut);
    answer.destroy();
    if (!close) return;
    // end() sends what was written, then FIN; the answer is left unfinished for the client.
    const socket = response.socket;
    socket?.end(() => socket.destroy());
  };
  const onData = (chunk: Buffer) => {
    if (chunk.length >= left) {
      if (left > 0) response.write(chunk.subarray(0, left));
      left = 0;
      cut();
    } else {
      response.write(chunk);
      left -= chunk.length;
    }
  };
  if (left === 0) cut();
  else {
    answer.on('data', onData);
    answer.on('end', cut);
  }
}

function withoutHopHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_HEADERS) delete kept[name];
  return kept;
}
