/**
 * The way through to GitHub, GitLab and Codeberg for the browser app: their git endpoints send no
 * CORS headers, so the app reaches them through its own server at `<server>/proxy/<host>/<path>`
 * (the URL shape of a CORS proxy, so the app's "CORS proxy" setting takes it). Only allow-listed
 * hosts, only git's smart-HTTP requests, `Authorization` to those hosts only, redirects within the
 * same host only; pages of other sites are refused by the front's Origin gate.
 */
import type { AllowedOrigins } from '../cors.ts';
import type { Router } from '../front.ts';
import { createRateLimiter, type RateLimit } from '../rate-limit.ts';
import { sendText } from '../security-headers.ts';
import { DEFAULT_MAX_HELD_BYTES, forward, HeldBytes, type ForwardOptions } from './forward.ts';
import { resolveUpstream, upstreamTable, type Upstream } from './upstreams.ts';

export { DEFAULT_UPSTREAMS, type Upstream } from './upstreams.ts';

/** The path under which the way through is served. */
const WAY_THROUGH_PREFIX = '/proxy/';

/**
 * Requests per address: generous for a person's devices (a sync is 3 or 4 requests, a background
 * check one a minute), tight for someone using the server to reach GitHub in bulk, which could
 * get the server's own address limited there.
 */
const DEFAULT_WAY_THROUGH_RATE: RateLimit = { pushes: 120, perSeconds: 60 };

/** How to serve the way through. */
export interface WayThroughOptions extends ForwardOptions {
  /** The hosts it reaches (see {@link DEFAULT_UPSTREAMS}). */
  upstreams: ReadonlyArray<string | Upstream>;
  /** Origins beyond the server's own whose pages may use it. */
  origins: AllowedOrigins;
  /** Where it is served; default {@link WAY_THROUGH_PREFIX}. */
  prefix?: string;
  /** Requests per client address; default {@link DEFAULT_WAY_THROUGH_RATE}. */
  rate?: RateLimit;
}

/** The {@link Router} of the way through, at `options.prefix`. */
export function createWayThrough(options: WayThroughOptions): Router {
  const table = upstreamTable(options.upstreams);
  const hosts = [...table.keys()].join(', ');
  const prefix = options.prefix ?? WAY_THROUGH_PREFIX;
  const held = new HeldBytes(options.maxHeldBytes ?? DEFAULT_MAX_HELD_BYTES);
  const rate = createRateLimiter(options.rate ?? DEFAULT_WAY_THROUGH_RATE);
  return {
    owns: (path) => path.startsWith(prefix),
    origins: () => options.origins,
    notFound: `not found: the way through reaches ${hosts || 'no host'}, for git's smart HTTP only (${prefix}<host>/<owner>/<repo>.git/info/refs?service=…)\n`,
    match(method, rawUrl) {
      const target = resolveUpstream(table, method, rawUrl.slice(prefix.length));
      if (!target) return undefined;
      return async (request, response, exchange) => {
        const allowed = rate.take(exchange.address);
        if (allowed.ok) return forward(target, request, response, options, held);
        const wait = String(allowed.retryAfterSeconds);
        sendText(response, 429, `Too many requests through the way through from your address; try again in ${wait} seconds.\n`, { 'Retry-After': wait });
      };
    },
  };
}
