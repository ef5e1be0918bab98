import { concatBytes } from '../../store/index.ts';
import { ProtocolError } from './errors.ts';
import { decodePktLength, type PktLine } from './pkt-line.ts';

/**
 * Reads pkt-lines incrementally from a stream of chunks (e.g. a fetch body): `push` each chunk
 * as it arrives, then call `next` until it returns `undefined` (needs more bytes). A payload
 * inside one chunk is a view into it; one spanning chunks is copied by `next`, or handed as its
 * views by `nextParts` (a pack's side-band packets mostly span the network's chunks). Call `end`
 * once the stream is over to refuse a packet cut short.
 */
export class PktLineReader {
  private chunks: Uint8Array[] = [];
  /** Index of the first unread chunk (chunks before it are dropped in batches). */
  private first = 0;
  /** Read position inside `chunks[first]`. */
  private head = 0;
  private buffered = 0;
  private consumed = 0;

  /** Adds the next chunk of the stream. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /** The next whole packet, or `undefined` until enough bytes have been pushed. */
  next(): PktLine | undefined {
    const packet = this.nextParts();
    if (packet === undefined || typeof packet === 'string') return packet;
    return packet.length === 1 ? (packet[0] as Uint8Array) : concatBytes(packet);
  }

  /** {@link next}, with a payload as the views of the chunks it lies in (in order, none empty), never copied. */
  nextParts(): 'flush' | 'delim' | Uint8Array[] | undefined {
    if (this.buffered < 4) return undefined;
    const length = decodePktLength(this.peek(4), this.consumed);
    if (length < 4) {
      this.take(4);
      return length === 0 ? 'flush' : 'delim';
    }
    if (this.buffered < length) return undefined;
    this.take(4);
    return this.take(length - 4);
  }

  /** Bytes pushed but not yet returned as packets. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Declares the stream over; throws ProtocolError if it stopped inside a packet. */
  end(): void {
    if (this.buffered > 0) {
      throw new ProtocolError('pkt-line', `a stream that ends inside a packet (${this.buffered} bytes left over)`, {
        offset: this.consumed,
      });
    }
  }

  private peek(n: number): Uint8Array {
    if (n === 0) return new Uint8Array(0);
    const first = this.chunks[this.first] as Uint8Array;
    if (first.length - this.head >= n) return first.subarray(this.head, this.head + n);
    const out = new Uint8Array(n);
    let filled = 0;
    let start = this.head;
    for (let i = this.first; i < this.chunks.length; i++) {
      const part = (this.chunks[i] as Uint8Array).subarray(start, start + n - filled);
      out.set(part, filled);
      filled += part.length;
      start = 0;
      if (filled === n) break;
    }
    return out;
  }

  /** Moves past the next `n` bytes (all pushed), returning them as views of their chunks. */
  private take(n: number): Uint8Array[] {
    const parts: Uint8Array[] = [];
    this.buffered -= n;
    this.consumed += n;
    let left = n;
    while (left > 0) {
      const chunk = this.chunks[this.first] as Uint8Array;
      const available = chunk.length - this.head;
      if (available > left) {
        parts.push(chunk.subarray(this.head, this.head + left));
        this.head += left;
        break;
      }
      parts.push(this.head === 0 ? chunk : chunk.subarray(this.head));
      left -= available;
      this.first++;
      this.head = 0;
    }
    if (this.first > 64 && this.first * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
    return parts;
  }
}
