// A per-address limit on pushes: at most `pushes` in any `perSeconds` window (a sliding log of
// the times each address pushed), so one reader cannot flood the comment remote.

/** At most `pushes` pushes per address in any `perSeconds` seconds. */
export interface RateLimit {
  pushes: number;
  perSeconds: number;
}

/** May this address push now, and if not, in how many seconds. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts pushes per address. */
export interface RateLimiter {
  /** Records a push by `address` when it is allowed. */
  take(address: string): RateDecision;
}

/** Addresses kept before expired ones are swept out. */
const SWEEP_AT = 10_000;

/** A {@link RateLimiter} for `limit`; `now` (milliseconds) is for tests. */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now): RateLimiter {
  if (!(Number.isInteger(limit.pushes) && limit.pushes > 0 && limit.perSeconds > 0)) {
    throw new RangeError(`a rate limit needs a positive whole number of pushes and a positive number of seconds, not ${JSON.stringify(limit)}`);
  }
  const windowMs = limit.perSeconds * 1000;
  const log = new Map<string, number[]>();
  return {
    take(address) {
      const time = now();
      if (log.size >= SWEEP_AT) {
        for (const [key, times] of log) if ((times.at(-1) ?? 0) <= time - windowMs) log.delete(key);
      }
      const times = (log.get(address) ?? []).filter((at) => at > time - windowMs);
      if (times.length >= limit.pushes) {
        log.set(address, times);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((times[0] ?? time) + windowMs - time) / 1000)) };
      }
      times.push(time);
      log.set(address, times);
      return { ok: true };
    },
  };
}
