/**
 * Recently built objects by pack entry, up to a number of bytes, least recently used out
 * first: most deltas name a base written just before them, which is then still here (git's
 * delta base cache, `core.deltaBaseCacheLimit`, 96 MB by default, does the same job).
 */
export class DeltaBaseCache {
  private readonly entries = new Map<number, Uint8Array>();
  private bytes = 0;

  constructor(private readonly limit: number) {}

  get(index: number): Uint8Array | undefined {
    const raw = this.entries.get(index);
    if (raw) {
      this.entries.delete(index);
      this.entries.set(index, raw);
    }
    return raw;
  }

  set(index: number, raw: Uint8Array): void {
    if (raw.length > this.limit / 4 || this.entries.has(index)) return;
    this.entries.set(index, raw);
    this.bytes += raw.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(oldest);
      this.bytes -= old.length;
    }
  }
}
