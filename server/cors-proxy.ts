// A CORS proxy for git remotes that send no CORS headers (GitHub): `@isomorphic-git/cors-proxy`
// mounted on a loopback Node server. `http://127.0.0.1:9999/github.com/u/r.git` reaches
// `https://github.com/u/r.git`; it forwards only requests that look like git's smart HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { CorsProxyConfigError } from './errors.ts';
import { baseUrl, closeServer, listenOrFallBack } from './listen.ts';

/** How to start a {@link CorsProxy}. */
export interface CorsProxyOptions {
  /** The port to try first; 0 (the default) picks a free one, as does a busy port. */
  port?: number;
  /** Loopback by default. */
  host?: string;
  /**
   * Targets (`host:port`, exactly as they appear in proxied paths) reached over plain HTTP
   * instead of HTTPS, e.g. `127.0.0.1:8174` for the local git remote. The package reads this once
   * per process: every proxy in one process must be given the same list.
   */
  insecureOrigins?: readonly string[];
}

/** A running CORS proxy. */
export interface CorsProxy {
  /** `http://<host>:<port>/`; a remote is at `<url><host>/<path>`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let loaded: { origins: readonly string[]; handler: Promise<Handler> } | undefined;

/** Starts a CORS proxy; resolves once it listens. Throws {@link CorsProxyConfigError} (see `insecureOrigins`). */
export async function startCorsProxy(options: CorsProxyOptions = {}): Promise<CorsProxy> {
  const handler = await loadHandler(options.insecureOrigins ?? []);
  const server = createServer((request, response) => {
    try {
      handler(request, response);
    } catch {
      // It parses the request URL unguarded; a URL it cannot parse must not end the process.
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request\n');
    }
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listenOrFallBack(server, options.port ?? 0, host);
  return { url: baseUrl(host, port), port, close: () => closeServer(server) };
}

/** Imports the package with `INSECURE_HTTP_ORIGINS` set for the import only. */
function loadHandler(origins: readonly string[]): Promise<Handler> {
  if (loaded === undefined) {
    const previous = process.env.INSECURE_HTTP_ORIGINS;
    process.env.INSECURE_HTTP_ORIGINS = origins.join(',');
    const handler = import('@isomorphic-git/cors-proxy')
      .then((module) => module.default)
      .finally(() => {
        if (previous === undefined) delete process.env.INSECURE_HTTP_ORIGINS;
        else process.env.INSECURE_HTTP_ORIGINS = previous;
      });
    loaded = { origins: [...origins], handler };
  }
  if (loaded.origins.join(',') !== origins.join(',')) {
    return Promise.reject(new CorsProxyConfigError({ loaded: loaded.origins, wanted: origins }));
  }
  return loaded.handler;
}
