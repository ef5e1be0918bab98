/**
 * Chunks of memory a first fetch's unpack worker writes ahead while it waits for the answer, for
 * its run builders to lay objects out in (see `ObjectRunBuilder`'s `ahead`). A page touched for
 * the first time is dear on a VM (~12 µs a 4 KB page, 3 ms per MB, on the bench's machine B), and
 * a 9.2 MB first sync lays its objects out in ~20 chunks of 1 MB, most of them fresh, in the
 * worker's busiest stretch: written ahead, they cost that while it would idle.
 */
export class WarmChunks {
  private readonly chunks: Uint8Array[] = [];
  private written = 0;

  constructor(
    private readonly chunkBytes: number,
    private readonly most: number,
  ) {}

  /** Writes one more chunk; false once `most` have been written (taken ones count). */
  writeOne(): boolean {
    if (this.written >= this.most) return false;
    this.chunks.push(new Uint8Array(this.chunkBytes).fill(0xff));
    return ++this.written < this.most;
  }

  /** A chunk written ahead, while one is left. */
  take(): Uint8Array | undefined {
    return this.chunks.pop();
  }
}
