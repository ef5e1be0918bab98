// A per-address limit: at most `pushes` events (pushes, failed moderator logins, wrong device
// tokens) in any `perSeconds` window (a sliding log of the times each address acted), so one
// client cannot flood the comment remote or guess a password or a token.

/** At most `pushes` pushes per address in any `perSeconds` seconds. */
export interface RateLimit {
  pushes: number;
  perSeconds: number;
}

/** May this address push now, and if not, in how many seconds. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts events (pushes, failed logins) per address. */
export interface RateLimiter {
  /** Records an event by `address` when it is allowed. */
  take(address: string): RateDecision;
  /** Whether `address` may act now, recording nothing (failed logins are recorded after they fail). */
  check(address: string): RateDecision;
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
  const decide = (address: string, record: boolean): RateDecision => {
    const time = now();
    if (log.size >= SWEEP_AT) {
      for (const [key, times] of log) if ((times.at(-1) ?? 0) <= time - windowMs) log.delete(key);
    }
    const times = (log.get(address) ?? []).filter((at) => at > time - windowMs);
    if (times.length >= limit.pushes) {
      log.set(address, times);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((times[0] ?? time) + windowMs - time) / 1000)) };
    }
    if (record) times.push(time);
    if (times.length > 0) log.set(address, times);
    return { ok: true };
  };
  return { take: (address) => decide(address, true), check: (address) => decide(address, false) };
}
