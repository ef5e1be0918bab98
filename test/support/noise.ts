/**
 * Pseudo-random bytes (xorshift32 from `seed`) that deflate cannot shrink. (A linear congruential
 * sequence's top byte, used before, deflated to 3 % of its size: stored fetches keep objects
 * deflated when shorter, so a test's "large objects" must really be large.)
 */
export function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = (Math.imul(seed, 2654435761) ^ 0x9e3779b9) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state >>> 24;
  }
  return out;
}
