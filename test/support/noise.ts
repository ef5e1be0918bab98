/** Pseudo-random bytes (a linear congruential sequence from `seed`) that deflate cannot shrink. */
export function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) out[i] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}
