import { createIncrementalSha1, createObjectHasher, PackEncoder, type HashRaw } from '../protocol/index.ts';
import { verifiedObjects, type LoosePart } from './object-parts.ts';

/**
 * Builds a pack from parts of stored objects' loose forms: each object is hashed against its id
 * (the check every read of the store makes), then compressed into the pack. The same code in the
 * pack worker (the browser) and in the caller's thread (Node, a small push).
 */
export class LoosePackBuilder {
  private readonly chunks: Uint8Array[];

  private constructor(
    private readonly encoder: PackEncoder,
    private readonly hash: HashRaw,
  ) {
    this.chunks = [encoder.header()];
  }

  /** A builder of a pack of `count` objects, at zlib `level` (PackEncoder's default when absent). */
  static async create(count: number, level?: number): Promise<LoosePackBuilder> {
    const [checksum, hash] = await Promise.all([createIncrementalSha1(), createObjectHasher()]);
    return new LoosePackBuilder(new PackEncoder(count, level === undefined ? {} : { level }, checksum), hash);
  }

  /** The next objects, in pack order. */
  async add(part: LoosePart): Promise<void> {
    this.chunks.push(this.encoder.encode(await verifiedObjects(part, this.hash)));
  }

  /** The whole pack, as chunks to send one after another. */
  finish(): Uint8Array[] {
    this.chunks.push(this.encoder.finish());
    return this.chunks;
  }

  /** Frees zlib's state when the pack is given up. */
  abandon(): void {
    this.encoder.abandon();
  }
}
