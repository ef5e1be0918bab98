// The few statistics every bench reports: medians (of sorted samples), spreads and rounding.

/** Median and 90th percentile of a series, in milliseconds. */
export interface Spread {
  median: number;
  p90: number;
}

/** A series of timings in ms. */
export interface Series {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** `value` rounded to `digits` decimals. */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The median: the middle sample, or the mean of the middle two for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median and nearest-rank p90. */
export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  return { median: round(median(samples)), p90: round(p90) };
}

/** Median, minimum, maximum and count, rounded to `digits` decimals. */
export function series(values: readonly number[], digits = 3): Series {
  return { median: round(median(values), digits), min: round(Math.min(...values), digits), max: round(Math.max(...values), digits), n: values.length };
}

/** The nearest-rank `p`th percentile (0-100). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
}
