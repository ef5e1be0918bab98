// How long a client may take, so that a slow or silent one cannot hold the server's connections
// and git processes for ever: headers sent a byte at a time (slowloris), a push body that
// trickles, a connection that goes quiet mid-request. Node's defaults are looser (headers 60 s,
// checked every 30 s; no limit on silence).
import type { ServerOptions } from 'node:http';

/** The limits, in milliseconds. */
export interface Timeouts {
  /** To send the request's headers. */
  headersMs: number;
  /** To send the whole request, body included (a push of `--max-push-mb`). */
  requestMs: number;
  /** Of silence both ways on a connection; git sends keep-alives while it works, so only a stalled peer reaches it. */
  idleMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

/** 20 s for headers, 10 minutes for a request (100 MB at ~1.5 Mbit/s), 2 minutes of silence. */
export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 20_000, requestMs: 600_000, idleMs: 120_000, keepAliveMs: 5_000 };

/** The options of `http.createServer` / `https.createServer` for `timeouts`. */
export function timeoutServerOptions(timeouts: Timeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the header and request limits on this beat; its default (30 s) would let headers take 50 s.
    connectionsCheckingInterval: Math.max(50, Math.min(5_000, timeouts.headersMs / 4)),
  };
}
