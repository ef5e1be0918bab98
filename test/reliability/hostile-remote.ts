// A small git server that speaks smart HTTP (protocol v0, stateless) well enough for `sync` to
// fetch from it, and answers every fetch with the pack the test gives it: malformed, hostile or
// lying about its contents. It advertises one branch, `main`, at the head the test chooses, and
// refuses pushes. Loopback only, on a port chosen at run time; the test that starts it stops it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { concatBytes } from '../../src/store/index.ts';
import { encodePktLine, FLUSH_PKT, MAX_PKT_PAYLOAD } from '../../src/sync/protocol/index.ts';

/** What the server advertises and sends; change it between syncs. */
export interface HostileScript {
  /** The id advertised for `refs/heads/main`. */
  head: string;
  /** The bytes sent as the pack, after "NAK", on side-band channel 1. */
  pack: Uint8Array;
  /** When given, the ref advertisement is sent once it resolves: the remote is slow to answer. */
  discovery?: Promise<void>;
}

/** A running hostile server. */
export interface HostileRemote {
  /** A repository URL on this server (any name works). */
  readonly url: string;
  /** Requests seen, as `METHOD path`. */
  readonly requests: string[];
  script: HostileScript;
  close(): Promise<void>;
}

const ADVERTISED_CAPABILITIES = 'multi_ack_detailed side-band-64k thin-pack ofs-delta no-done agent=git/hostile';

function advertisement(head: string): Uint8Array {
  return concatBytes([
    encodePktLine('# service=git-upload-pack\n'),
    FLUSH_PKT,
    encodePktLine(`${head} HEAD\0${ADVERTISED_CAPABILITIES} symref=HEAD:refs/heads/main\n`),
    encodePktLine(`${head} refs/heads/main\n`),
    FLUSH_PKT,
  ]);
}

/** "NAK", then `pack` in side-band-64k packets on channel 1, then a flush. */
export function uploadPackResult(pack: Uint8Array): Uint8Array {
  const parts = [encodePktLine('NAK\n')];
  const room = MAX_PKT_PAYLOAD - 1;
  for (let at = 0; at < pack.length; at += room) parts.push(encodePktLine(concatBytes([Uint8Array.of(1), pack.subarray(at, at + room)])));
  parts.push(FLUSH_PKT);
  return concatBytes(parts);
}

function send(response: ServerResponse, status: number, type: string, body: Uint8Array | string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  response.end(body);
}

async function handle(remote: HostileRemote, request: IncomingMessage, response: ServerResponse): Promise<void> {
  for await (const chunk of request) void chunk; // read the request body fully, then answer
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  remote.requests.push(`${request.method} ${url.pathname}${url.search}`);
  if (request.method === 'GET' && url.pathname.endsWith('/info/refs') && url.searchParams.get('service') === 'git-upload-pack') {
    await remote.script.discovery;
    send(response, 200, 'application/x-git-upload-pack-advertisement', advertisement(remote.script.head));
  } else if (request.method === 'POST' && url.pathname.endsWith('/git-upload-pack')) {
    send(response, 200, 'application/x-git-upload-pack-result', uploadPackResult(remote.script.pack));
  } else {
    send(response, 403, 'text/plain', 'This server takes no pushes.\n');
  }
}

/** Starts the server on 127.0.0.1, on a free port. */
export async function startHostileRemote(script: HostileScript): Promise<HostileRemote> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const remote: HostileRemote = {
    url: `http://127.0.0.1:${port}/hostile.git`,
    requests: [],
    script,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(remote, request, response).catch((error: unknown) => {
      send(response, 500, 'text/plain', `${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  return remote;
}
