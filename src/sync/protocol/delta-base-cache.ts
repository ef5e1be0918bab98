/**
 * Recently built objects by pack entry, least recently used out first: most deltas name a base
 * written just before them, which is then still here (git's delta base cache,
 * `core.deltaBaseCacheLimit`, 96 MB by default, does the same job).
 *
 * An object may be a view into a larger buffer (a run's chunk, where it was built in place), and
 * keeping the view keeps the whole buffer: the limit counts each buffer held, whole, once. A
 * buffer handed to another thread since (a run's chunks transferred to the page) is detached:
 * its objects are then gone from here, as if evicted.
 */
export class DeltaBaseCache {
  private readonly entries = new Map<number, Uint8Array>();
  /** Each buffer held: by how many entries, and the bytes it was counted for. */
  private readonly held = new Map<ArrayBufferLike, { entries: number; bytes: number }>();
  private bytes = 0;

  constructor(private readonly limit: number) {}

  get(index: number): Uint8Array | undefined {
    const raw = this.entries.get(index);
    if (!raw) return undefined;
    this.entries.delete(index);
    if (raw.buffer.byteLength === 0) {
      this.release(raw.buffer); // detached (a loose form is never empty)
      return undefined;
    }
    this.entries.set(index, raw);
    return raw;
  }

  set(index: number, raw: Uint8Array): void {
    const size = raw.buffer.byteLength;
    if (size > this.limit / 4 || this.entries.has(index)) return;
    this.entries.set(index, raw);
    const held = this.held.get(raw.buffer);
    if (held) held.entries++;
    else {
      this.held.set(raw.buffer, { entries: 1, bytes: size });
      this.bytes += size;
    }
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(oldest);
      this.release(old.buffer);
    }
  }

  /** Whether an object it keeps lies in `buffer`. */
  holds(buffer: ArrayBufferLike): boolean {
    return this.held.has(buffer);
  }

  private release(buffer: ArrayBufferLike): void {
    const held = this.held.get(buffer) as { entries: number; bytes: number };
    if (--held.entries > 0) return;
    this.held.delete(buffer);
    this.bytes -= held.bytes;
  }
}
