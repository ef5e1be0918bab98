// Failed attempts (a wrong token, a wrong password) counted per client address: after `failures`
// of them within `perSeconds`, the address is told to wait until the oldest leaves the window.
// Only failures count, so a device with a good token is never slowed, and guessing a token
// (2^256 of them) is hopeless at a few guesses a minute.

/** At most `failures` failed attempts per address in any `perSeconds` seconds. */
export interface FailureLimitOptions {
  failures: number;
  perSeconds: number;
}

/** Counts failures per address. */
export interface FailureLimit {
  /** Seconds `address` must wait before trying again, or 0 when it may try now. */
  waitSeconds(address: string): number;
  /** Records a failure of `address`. */
  fail(address: string): void;
}

/** Addresses kept before those with no recent failure are swept out. */
const SWEEP_AT = 10_000;

/** A {@link FailureLimit}; `now` (milliseconds) is for tests. */
export function createFailureLimit(options: FailureLimitOptions, now: () => number = Date.now): FailureLimit {
  if (!(Number.isInteger(options.failures) && options.failures > 0 && options.perSeconds > 0)) {
    throw new RangeError(`a failure limit needs a positive whole number of failures and a positive number of seconds, not ${JSON.stringify(options)}`);
  }
  const windowMs = options.perSeconds * 1000;
  const log = new Map<string, number[]>();
  const recent = (address: string, time: number) => (log.get(address) ?? []).filter((at) => at > time - windowMs);
  return {
    waitSeconds(address) {
      const time = now();
      const times = recent(address, time);
      if (times.length < options.failures) return 0;
      return Math.max(1, Math.ceil(((times[0] ?? time) + windowMs - time) / 1000));
    },
    fail(address) {
      const time = now();
      if (log.size >= SWEEP_AT) {
        for (const [key, times] of log) if ((times.at(-1) ?? 0) <= time - windowMs) log.delete(key);
      }
      const times = recent(address, time);
      times.push(time);
      log.set(address, times.slice(-options.failures));
    },
  };
}
