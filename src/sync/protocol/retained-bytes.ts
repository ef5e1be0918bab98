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

  /** The pieces from `offset` to the end, each as its chunk and the index in it where the piece starts. */
  *from(offset: number): Generator<[chunk: Uint8Array, start: number]> {
    let i = this.chunkAt(offset);
    if (i < 0) return;
    yield [this.chunks[i] as Uint8Array, offset - (this.starts[i] as number)];
    for (i++; i < this.chunks.length; i++) yield [this.chunks[i] as Uint8Array, 0];
  }

  /** `length` bytes from `offset`: a view when they lie in one chunk, else a copy. */
  slice(offset: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    let filled = 0;
    for (const [chunk, start] of this.from(offset)) {
      const part = chunk.subarray(start, start + length - filled);
      if (filled === 0 && part.length === length) return part;
      out.set(part, filled);
      filled += part.length;
      if (filled === length) break;
    }
    return out.subarray(0, filled);
  }

  /** Index of the chunk holding `offset`, or -1 past the end. */
  private chunkAt(offset: number): number {
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
