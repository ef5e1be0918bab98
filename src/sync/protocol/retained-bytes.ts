/**
 * A byte stream kept as the chunks it arrived in (no copy, no growing buffer), readable again
 * from any offset: a pack is held this way so a delta base evicted from the cache can be
 * inflated again from where it lies, as `git index-pack` re-reads its pack file.
 */
export class RetainedBytes {
  private readonly chunks: Uint8Array[] = [];
  private readonly starts: number[] = [];
  /** Bytes appended so far. */
  length = 0;

  append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.starts.push(this.length);
    this.length += chunk.length;
  }

  /** Chunks appended so far; read them in order from {@link chunkAt} (an index, not an iterator: this is read for every object of a pack). */
  get chunkCount(): number {
    return this.chunks.length;
  }

  /** Chunk `i`, as it was appended. */
  chunk(i: number): Uint8Array {
    return this.chunks[i] as Uint8Array;
  }

  /** The offset in the stream where chunk `i` starts. */
  chunkStart(i: number): number {
    return this.starts[i] as number;
  }

  /** `length` bytes from `offset`: a view when they lie in one chunk, else a copy. */
  slice(offset: number, length: number): Uint8Array {
    let i = this.chunkAt(offset);
    if (i < 0) return new Uint8Array(0);
    let start = offset - (this.starts[i] as number);
    const first = this.chunks[i] as Uint8Array;
    if (first.length - start >= length) return first.subarray(start, start + length);
    const out = new Uint8Array(length);
    let filled = 0;
    for (; i < this.chunks.length && filled < length; i++, start = 0) {
      const part = (this.chunks[i] as Uint8Array).subarray(start, start + length - filled);
      out.set(part, filled);
      filled += part.length;
    }
    return out.subarray(0, filled);
  }

  /** Copies `length` bytes from `offset` into `out` at `at` (wherever they lie: no copy in between). */
  copyTo(out: Uint8Array, at: number, offset: number, length: number): void {
    let filled = 0;
    for (let i = this.chunkAt(offset); i >= 0 && i < this.chunks.length && filled < length; i++) {
      const start = offset + filled - (this.starts[i] as number);
      const part = (this.chunks[i] as Uint8Array).subarray(start, start + length - filled);
      out.set(part, at + filled);
      filled += part.length;
    }
    if (filled < length) throw new RangeError(`RetainedBytes.copyTo: ${length - filled} of ${length} bytes from ${offset} are not here`);
  }

  /** Index of the chunk holding `offset`, or -1 past the end. */
  chunkAt(offset: number): number {
    if (offset >= this.length || offset < 0) return -1;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
