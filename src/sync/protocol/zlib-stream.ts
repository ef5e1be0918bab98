import { ZStream, Z_BUF_ERROR, Z_NO_FLUSH, Z_OK, Z_STREAM_END, zlibInflate, zlibInflateEnd, zlibInflateInit, zlibInflateReset } from 'pako';
import { ProtocolError } from './errors.ts';

/** What feeding one piece of input did. */
export type FeedResult = { ended: false } | { ended: true; consumed: number };

/**
 * One reusable zlib inflater that takes a stream's input in pieces, as it arrives or as it lies
 * in a pack held in chunks, and writes into a buffer the caller sized from the entry's header.
 * A stream that needs more room stops with the buffer full, so no entry can make it allocate
 * more than it declared (itself capped by the caller).
 */
export class StreamInflater {
  private readonly strm = new ZStream();
  private end = 0;
  private start = 0;
  /** Pack offset of the stream, for errors. */
  private at = 0;

  constructor() {
    if (zlibInflateInit(this.strm) !== Z_OK) throw new Error('zlib could not start');
  }

  /** Starts a stream that must fill `output` from `start` to its end, exactly. */
  begin(output: Uint8Array, start: number, packOffset: number): void {
    zlibInflateReset(this.strm);
    this.end = output.length;
    this.start = start;
    this.at = packOffset;
    this.strm.output = output as Uint8Array<ArrayBuffer>;
    this.strm.next_out = start;
    this.strm.avail_out = output.length - start;
  }

  /**
   * Feeds `input` from `from`. Returns `ended: false` when it used all of it and wants more, or
   * where the stream ended (`consumed` bytes of `input` after `from`). Throws ProtocolError for
   * corrupt data or a stream that inflates to more or less than the room given.
   */
  feed(input: Uint8Array, from: number): FeedResult {
    const strm = this.strm;
    strm.input = input;
    strm.next_in = from;
    strm.avail_in = input.length - from;
    const status = zlibInflate(strm, Z_NO_FLUSH);
    const consumed = strm.next_in - from;
    strm.input = EMPTY;
    if (status === Z_STREAM_END) {
      if (strm.next_out !== this.end) this.fail(`an object inflates to ${strm.next_out - this.start} bytes but its header says ${this.end - this.start}`);
      return { ended: true, consumed };
    }
    if (status === Z_OK || status === Z_BUF_ERROR) {
      if (strm.avail_out === 0 && strm.avail_in > 0) this.fail('an object inflates to more than the size its header says');
      return { ended: false };
    }
    this.fail(`an object's compressed data is corrupt (zlib: ${strm.msg || `status ${status}`})`);
  }

  /** Frees zlib's state. */
  close(): void {
    zlibInflateEnd(this.strm);
  }

  private fail(problem: string): never {
    throw new ProtocolError('pack', problem, { offset: this.at });
  }
}

const EMPTY = new Uint8Array(0);
