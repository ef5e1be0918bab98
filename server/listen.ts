// Listening on a port that may be taken: the servers here prefer a well-known port (8173, 8174,
// 9999) and fall back to a free one rather than failing.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts `server` listening on `host:port`; resolves to the port it got. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      fail(error);
    };
    const onListening = () => {
      server.off('error', onError);
      done((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Like {@link listen}, but takes a free port when `port` is busy. */
export function listenOrFallBack(server: Server, port: number, host: string): Promise<number> {
  return listen(server, port, host).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return listen(server, 0, host);
  });
}

/** `http://<host>:<port>/` (or `https:`), with an IPv6 host in brackets. */
export function baseUrl(host: string, port: number, scheme: 'http' | 'https' = 'http'): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/** Stops `server`, cutting every open connection (idle keep-alive and in-flight alike). */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((done, fail) => {
    server.close((error) => (error ? fail(error) : done()));
    server.closeAllConnections();
  });
}

/**
 * Stops `server` gracefully: no new connections, idle ones closed, requests under way (a push)
 * given up to `graceMs` to finish before every connection is cut.
 */
export function closeServerGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((done, fail) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(idle);
      clearTimeout(cut);
      if (error) fail(error);
      else done();
    });
    server.closeIdleConnections();
  });
}
