/**
 * Recently built objects by pack entry, least recently used out first: most deltas name a base
 * written just before them, which is then still here (git's delta base cache,
 * `core.deltaBaseCacheLimit`, 96 MB by default, does the same job).
 *
 * An object may be a view into a larger buffer (a run's chunk, where it was built in place), and
 * keeping the view keeps the whole buffer: the limit counts each buffer held, whole, once. A
 * buffer handed to another thread (a run's chunk, to be stored) is detached: its objects are not
 * found while it is away, and are found again in the buffer it comes back as ({@link moved}),
 * or are gone if it does not come back.
 */
export class DeltaBaseCache {
  /** Each object, and where it lies in its buffer (a detached view says 0 for both). */
  private readonly entries = new Map<number, { raw: Uint8Array; offset: number; length: number }>();
  /**
   * Each buffer held: by which entries, and the bytes it was counted for (so a buffer coming back
   * rebinds only its own entries: scanning every entry for each chunk given back was quadratic).
   */
  private readonly held = new Map<ArrayBufferLike, { entries: Set<number>; bytes: number }>();
  private bytes = 0;

  constructor(private readonly limit: number) {}

  get(index: number): Uint8Array | undefined {
    const entry = this.entries.get(index);
    if (!entry) return undefined;
    if (entry.raw.buffer.byteLength === 0) return undefined; // away (a loose form is never empty): see moved
    this.entries.delete(index);
    this.entries.set(index, entry);
    return entry.raw;
  }

  set(index: number, raw: Uint8Array): void {
    const size = raw.buffer.byteLength;
    if (size > this.limit / 4 || this.entries.has(index)) return;
    this.entries.set(index, { raw, offset: raw.byteOffset, length: raw.length });
    const held = this.held.get(raw.buffer);
    if (held) held.entries.add(index);
    else {
      this.held.set(raw.buffer, { entries: new Set([index]), bytes: size });
      this.bytes += size;
    }
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(oldest);
      this.release(old.raw.buffer, oldest);
    }
  }

  /**
   * The buffer `from` was handed to another thread and came back as `to` (the same bytes): the
   * objects kept in it are read there from now on. Without `to` (it will not come back), they
   * are forgotten, and the bytes it held with them.
   */
  moved(from: ArrayBufferLike, to?: ArrayBuffer): void {
    const held = this.held.get(from);
    if (!held) return;
    this.held.delete(from);
    if (to) this.held.set(to, held);
    else this.bytes -= held.bytes;
    for (const index of held.entries) {
      const entry = this.entries.get(index) as { raw: Uint8Array; offset: number; length: number };
      if (to) entry.raw = new Uint8Array(to, entry.offset, entry.length); // keeps its place in the order
      else this.entries.delete(index);
    }
  }

  /** Whether an object it keeps lies in `buffer`. */
  holds(buffer: ArrayBufferLike): boolean {
    return this.held.has(buffer);
  }

  private release(buffer: ArrayBufferLike, index: number): void {
    const held = this.held.get(buffer) as { entries: Set<number>; bytes: number };
    held.entries.delete(index);
    if (held.entries.size > 0) return;
    this.held.delete(buffer);
    this.bytes -= held.bytes;
  }
}
