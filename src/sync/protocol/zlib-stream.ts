import type * as Pako from 'pako';
import { ProtocolError } from './errors.ts';
import { INFLATE_OVERFLOW, InflateStatus, WasmInflater } from './wasm-inflater.ts';

/** What {@link StreamInflater.feed} returns while the stream wants more input. */
export const WANTS_MORE = -1;

/** A zlib stream's 2-byte header (method and window, flags) and 4-byte trailer (Adler-32). */
const ZLIB_HEADER_BYTES = 2;
const ZLIB_TRAILER_BYTES = 4;
/** Raw deflate with a 32 KB window: zlib's own framing is read here, not by pako. */
const RAW_DEFLATE_WINDOW_BITS = -15;
/**
 * Objects up to this size are inflated by the WebAssembly decoder, in its own memory (which
 * keeps its high-water mark); larger ones, rare, by pako straight into their buffer.
 */
const WASM_MAX_OBJECT_BYTES = 16 * 1024 * 1024;

/**
 * pako, once a stream needed it ({@link loadPako}). Not imported up front: evaluating its module
 * (its CRC and deflate tables, built by loops V8 compiled with on-stack replacement, one with
 * TurboFan for ~4 ms) cost every fresh unpack worker that, for the rare object over 16 MB.
 */
let pako: typeof Pako | undefined;
let loadingPako: Promise<void> | undefined;

/** Loads pako, for the streams WebAssembly does not inflate ({@link StreamInflater.prepare}). */
export function loadPako(): Promise<void> {
  loadingPako ??= import('pako').then(
    (module) => void (pako = module),
    (error: unknown) => {
      // A failed load (offline, say) is tried again next time, where the browser does not keep the
      // failure (Chromium keeps it until a reload; the app's service worker serves pako offline).
      loadingPako = undefined;
      throw error;
    },
  );
  return loadingPako;
}

/**
 * One reusable zlib inflater that takes a stream's input in pieces, as it arrives or as it lies
 * in a pack held in chunks, and writes into a buffer the caller sized from the entry's header.
 * A stream that needs more room stops with the buffer full, so no entry can make it allocate
 * more than it declared (itself capped by the caller).
 *
 * The raw deflate data is inflated by a WebAssembly decoder (`wasm-inflater.ts`: 3-4x pako's
 * speed on a pack's objects in Chromium, 6-8x on small ones, whose cost was pako's set-up), or by
 * pako for objects over 16 MB and where WebAssembly cannot be compiled (yet). The zlib header is
 * checked here and the Adler-32 trailer only skipped: computing it took ~5 % of a first sync, and
 * it proves nothing the object's SHA-1 (its id) and the pack's trailing SHA-1 do not.
 */
export class StreamInflater {
  /**
   * Made by the first stream that fits it (an inflater that never inflates, as a resolver's that
   * builds no base again, makes no WebAssembly instance), given back when the inflater is closed.
   */
  private wasm: WasmInflater | undefined;
  private closed = false;
  /** A stream is begun and not over. */
  private busy = false;
  /** pako, made when an object first needs it. */
  private strm: Pako.ZStream | undefined;
  /** Whether the current stream goes through `wasm` (else pako). */
  private inWasm = false;
  /** The size {@link prepare} chose an engine for, -1 once {@link begin} took it. */
  private prepared = -1;
  private output: Uint8Array = EMPTY;
  private end = 0;
  private start = 0;
  /** Pack offset of the stream, for errors. */
  private at = 0;
  /** Bytes of the zlib header still to read; then deflate data; then `trailerLeft` bytes. */
  private headerLeft = 0;
  private header = 0;
  private inflated = false;
  private trailerLeft = 0;

  /**
   * Picks the engine for the next stream, which inflates to `size` bytes: WebAssembly up to 16 MB
   * where it can be had, else pako. True when that is pako and pako is not loaded: then nothing is
   * started; {@link loadPako}, and prepare again. {@link begin} prepares a stream not prepared.
   */
  prepare(size: number): boolean {
    if (size <= WASM_MAX_OBJECT_BYTES && !this.wasm && !this.closed) this.wasm = WasmInflater.create();
    this.inWasm = this.wasm !== undefined && size <= WASM_MAX_OBJECT_BYTES && this.wasm.begin(size);
    this.prepared = size;
    return !this.inWasm && pako === undefined;
  }

  /** Starts a stream that must fill `output` from `start` to its end, exactly (pako loaded if {@link prepare} said so). */
  begin(output: Uint8Array, start: number, packOffset: number): void {
    const size = output.length - start;
    if (this.prepared !== size) this.prepare(size);
    this.prepared = -1;
    this.busy = true;
    this.output = output;
    this.end = output.length;
    this.start = start;
    this.at = packOffset;
    this.headerLeft = ZLIB_HEADER_BYTES;
    this.header = 0;
    this.inflated = false;
    this.trailerLeft = ZLIB_TRAILER_BYTES;
    if (this.inWasm) return;
    const strm = this.pako();
    (pako as typeof Pako).zlibInflateReset(strm);
    strm.output = output as Uint8Array<ArrayBuffer>;
    strm.next_out = start;
    strm.avail_out = size;
  }

  /**
   * Feeds `input` from `from`. Returns {@link WANTS_MORE} when it used all of it and wants more,
   * or, where the stream ended, the bytes of `input` after `from` it consumed, its trailer
   * included (a number, not an object: this runs for every piece of every object of a pack).
   * Throws ProtocolError for corrupt data or a stream that inflates to more or less than the
   * room given.
   */
  feed(input: Uint8Array, from: number): number {
    let at = from;
    while (this.headerLeft > 0 && at < input.length) {
      this.header = (this.header << 8) | (input[at++] as number);
      if (--this.headerLeft === 0) this.checkHeader();
    }
    if (this.headerLeft === 0 && !this.inflated) at = this.inflate(input, at);
    if (!this.inflated) return WANTS_MORE;
    const skipped = Math.min(this.trailerLeft, input.length - at);
    this.trailerLeft -= skipped;
    at += skipped;
    if (this.trailerLeft > 0) return WANTS_MORE;
    this.busy = false;
    return at - from;
  }

  /** Whether it is free for another stream: none under way, not closed. */
  get idle(): boolean {
    return !this.busy && !this.closed;
  }

  /** Frees pako's state and gives the WebAssembly decoder back; a stream begun after it uses pako. */
  close(): void {
    if (this.strm) pako?.zlibInflateEnd(this.strm);
    this.strm = undefined;
    this.wasm?.release();
    this.wasm = undefined;
    this.closed = true;
  }

  /** Inflates from `from`; returns where it stopped (the end of `input`, or of the deflate data). */
  private inflate(input: Uint8Array, from: number): number {
    return this.inWasm ? this.inflateInWasm(input, from) : this.inflateWithPako(input, from);
  }

  private inflateInWasm(input: Uint8Array, from: number): number {
    const wasm = this.wasm as WasmInflater;
    let ended: number;
    try {
      ended = wasm.feed(input, from);
    } catch (error) {
      if (!(error instanceof InflateStatus)) throw error;
      if (error.status === INFLATE_OVERFLOW) this.fail('an object inflates to more than the size its header says');
      return this.fail(`an object's compressed data is corrupt (zlib: ${error.message})`);
    }
    if (ended < 0) return input.length;
    const inflated = wasm.inflated;
    if (inflated !== this.end - this.start) this.fail(`an object inflates to ${inflated} bytes but its header says ${this.end - this.start}`);
    wasm.copyTo(this.output, this.start);
    this.output = EMPTY;
    this.inflated = true;
    return ended;
  }

  private inflateWithPako(input: Uint8Array, from: number): number {
    const strm = this.pako();
    const { zlibInflate, Z_NO_FLUSH, Z_STREAM_END, Z_OK, Z_BUF_ERROR } = pako as typeof Pako;
    strm.input = input;
    strm.next_in = from;
    strm.avail_in = input.length - from;
    const status = zlibInflate(strm, Z_NO_FLUSH);
    const stopped = strm.next_in;
    strm.input = EMPTY;
    if (status === Z_STREAM_END) {
      if (strm.next_out !== this.end) this.fail(`an object inflates to ${strm.next_out - this.start} bytes but its header says ${this.end - this.start}`);
      strm.output = EMPTY as Uint8Array<ArrayBuffer>;
      this.output = EMPTY;
      this.inflated = true;
      return stopped;
    }
    if (status === Z_OK || status === Z_BUF_ERROR) {
      if (strm.avail_out === 0 && strm.avail_in > 0) this.fail('an object inflates to more than the size its header says');
      return stopped;
    }
    return this.fail(`an object's compressed data is corrupt (zlib: ${strm.msg || `status ${status}`})`);
  }

  private pako(): Pako.ZStream {
    if (this.strm) return this.strm;
    if (!pako) throw new Error('StreamInflater: a stream WebAssembly does not inflate needs pako, which is not loaded yet (loadPako)');
    const strm = new pako.ZStream();
    if (pako.zlibInflateInit2(strm, RAW_DEFLATE_WINDOW_BITS) !== pako.Z_OK) throw new Error('zlib could not start');
    this.strm = strm;
    return strm;
  }

  /** A zlib header: deflate with a window of at most 32 KB, a valid check, no preset dictionary. */
  private checkHeader(): void {
    const method = this.header >> 8;
    if ((method & 0x0f) !== 8 || method >> 4 > 7 || this.header % 31 !== 0) this.fail("an object's compressed data is corrupt (zlib: incorrect header check)");
    if (this.header & 0x20) this.fail("an object's compressed data asks for a preset dictionary, which git never uses");
  }

  private fail(problem: string): never {
    throw new ProtocolError('pack', problem, { offset: this.at });
  }
}

const EMPTY = new Uint8Array(0);
