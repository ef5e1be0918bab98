/**
 * Test-only TCP proxy on 127.0.0.1 that counts what crosses it: bytes each way (HTTP headers
 * included, exactly as the client sent and received them) and the HTTP requests sent, by their
 * request lines. Put its URL in place of a server's to measure what a client costs that server.
 * The `Host` header is rewritten to the target's, as servers that check it want.
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/** What went through so far. */
export interface ByteCount {
  /** Bytes from the client to the server. */
  sent: number;
  /** Bytes from the server to the client. */
  received: number;
  /** `METHOD path` of each request, in order. */
  requests: string[];
}

/** A running counter. */
export interface ByteCounter {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  count(): ByteCount;
  /** Starts counting afresh. */
  reset(): void;
  close(): Promise<void>;
}

const HOST_HEADER = /\r\nHost: [^\r\n]*\r\n/gi;
const REQUEST_LINE = /^(GET|POST|OPTIONS|PUT|HEAD|DELETE) (\S+) HTTP\/1\.[01]\r$/gm;

/** Starts a counting proxy in front of `target` (`http://host:port/...`; only host and port count). */
export async function startByteCounter(target: string): Promise<ByteCounter> {
  const { hostname, port, host } = new URL(target);
  let count: ByteCount = { sent: 0, received: 0, requests: [] };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    let pending = ''; // the start of a request line split across chunks
    client.on('data', (chunk: Buffer) => {
      count.sent += chunk.length;
      const text = pending + chunk.toString('latin1');
      for (const match of text.matchAll(REQUEST_LINE)) count.requests.push(`${match[1]} ${match[2]}`);
      pending = text.slice(Math.max(text.lastIndexOf('\n') + 1, text.length - 200));
      upstream.write(Buffer.from(chunk.toString('latin1').replace(HOST_HEADER, `\r\nHost: ${host}\r\n`), 'latin1'));
    });
    upstream.on('data', (chunk: Buffer) => {
      count.received += chunk.length;
      client.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('end', end);
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    count: () => ({ ...count, requests: [...count.requests] }),
    reset: () => {
      count = { sent: 0, received: 0, requests: [] };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
