// A small static file server for a built site (the bench page, the app in the browser tests):
// loopback only, answering only to the names it is reached by, GET and HEAD only, the files of
// server/static-files.ts with the security headers of server/security-headers.ts.
import { createServer } from 'node:http';
import { isAllowedHost, listeningHosts, unknownHostMessage, type AllowedHosts } from './host-check.ts';
import { baseUrl, closeServer, listenOrFallBack } from './listen.ts';
import { sendText, setSecurityHeaders } from './security-headers.ts';
import { createStaticFiles, type StaticFilesOptions } from './static-files.ts';

export { CONTENT_TYPES, resolveRequestPath } from './static-files.ts';

/** How to start a {@link StaticServer}. */
export interface StaticServerOptions extends StaticFilesOptions {
  /** The port to try first; 0 picks a free one. When it is busy a free port is used instead. */
  port?: number;
  /** Loopback by default; the server is for this machine only. */
  host?: string;
  /** `Host` names answered; default the loopback names (and `host`) with the port it listens on. */
  hosts?: AllowedHosts;
}

/** A running server. */
export interface StaticServer {
  /** `http://<host>:<port>/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts serving `options.root`; resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const files = await createStaticFiles(options);
  const host = options.host ?? '127.0.0.1';
  let hosts: AllowedHosts = new Set(); // set once the port is known
  const server = createServer((request, response) => {
    setSecurityHeaders(response);
    if (!isAllowedHost(request, hosts)) {
      sendText(response, 421, unknownHostMessage(request));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    files(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, 'internal error\n');
      else response.destroy(error instanceof Error ? error : undefined);
    });
  });
  const port = await listenOrFallBack(server, options.port ?? 0, host);
  hosts = options.hosts ?? listeningHosts(host, port);
  return { url: baseUrl(host, port), port, close: () => closeServer(server) };
}
