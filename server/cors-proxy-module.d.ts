// Types for `@isomorphic-git/cors-proxy` v3, which ships none. Its default export is the request
// handler itself (not a factory taking options, as its README still says); it reads
// `ALLOW_ORIGIN` and `INSECURE_HTTP_ORIGINS` from the environment once, when imported.
declare module '@isomorphic-git/cors-proxy' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /**
   * Answers CORS preflights, and forwards git smart-HTTP requests for
   * `/<host[:port]>/<path>` to `https://<host[:port]>/<path>` (plain `http://` for the hosts in
   * `INSECURE_HTTP_ORIGINS`); anything else is a 403, or `next()` when given.
   */
  export default function handleRequest(request: IncomingMessage, response: ServerResponse, next?: () => void): void;
}
