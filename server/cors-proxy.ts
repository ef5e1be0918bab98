// The way through (server/way-through/) as a server of its own on the loopback, for an app that
// is not served by a Taskgit server (Vite's dev server): `http://127.0.0.1:9999/github.com/u/r.git`
// reaches `https://github.com/u/r.git`, for the listed hosts and git's smart HTTP only, and only
// for pages of the origins it is given.
import { createServer, type RequestListener } from 'node:http';
import { clientAddressOf } from './client-address.ts';
import type { AllowedOrigins } from './cors.ts';
import { createFront } from './front.ts';
import { listeningHosts } from './host-check.ts';
import { baseUrl, closeServer, listenOrFallBack } from './listen.ts';
import { createWayThrough, DEFAULT_UPSTREAMS, type Upstream } from './way-through/index.ts';

/** How to start a {@link CorsProxy}. */
export interface CorsProxyOptions {
  /** The port to try first; 0 (the default) picks a free one, as does a busy port. */
  port?: number;
  /** Loopback by default. */
  host?: string;
  /** Origins whose pages may use it; default none (git clients without an Origin still may). */
  allowedOrigins?: AllowedOrigins;
  /** The hosts it reaches; default GitHub, GitLab and Codeberg. */
  upstreams?: ReadonlyArray<string | Upstream>;
}

/** A running CORS proxy. */
export interface CorsProxy {
  /** `http://<host>:<port>/`; a remote is at `<url><host>/<path>`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and cuts open connections. */
  close(): Promise<void>;
}

/** Starts a CORS proxy; resolves once it listens. */
export async function startCorsProxy(options: CorsProxyOptions = {}): Promise<CorsProxy> {
  const wayThrough = createWayThrough({ upstreams: options.upstreams ?? DEFAULT_UPSTREAMS, origins: options.allowedOrigins ?? [], prefix: '/' });
  let front: RequestListener = (_request, response) => response.destroy();
  const server = createServer((request, response) => front(request, response));
  const host = options.host ?? '127.0.0.1';
  const port = await listenOrFallBack(server, options.port ?? 0, host);
  front = createFront({ hosts: listeningHosts(host, port), ownOrigins: new Set(), clientAddress: clientAddressOf(), routers: [wayThrough] });
  return { url: baseUrl(host, port), port, close: () => closeServer(server) };
}
