/** Backoff of a failed publish: the first retry after `base`, doubling up to `max`. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

/** Retries after 1 s, 2 s, 4 s … at most a minute apart. */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (1 for the first), with up to 20% random spread so many
 * readers whose server came back do not all retry at the same moment. `random` is in [0, 1).
 */
export function retryDelay(attempt: number, policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const plain = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(plain * (0.8 + 0.2 * random()));
}
