import { base64Bytes } from './base64-bytes.ts';
import { INFLATE_WASM_BASE64 } from './inflate-wasm-binary.ts';

/** What the WebAssembly inflater (wasm/inflate/inflate.ts) exports. */
interface InflateExports {
  memory: WebAssembly.Memory;
  inputStart(): number;
  inputCapacity(): number;
  outputStart(): number;
  inputUsed(): number;
  outputLength(): number;
  begin(size: number): number;
  inflate(length: number): number;
}

const NEED_MORE = 0;
const DONE = 1;
/** The decoder's error statuses, in zlib's words. */
const ERRORS: Record<number, string> = {
  [-1]: 'invalid block type',
  [-2]: 'invalid stored block lengths',
  [-3]: 'too many length or distance symbols',
  [-4]: 'invalid code lengths set',
  [-5]: 'invalid bit length repeat',
  [-6]: 'invalid code -- missing end-of-block',
  [-7]: 'invalid literal/lengths set',
  [-8]: 'invalid distances set',
  [-9]: 'invalid literal/length code',
  [-10]: 'invalid distance code',
  [-11]: 'invalid distance too far back',
};
/** The status of a stream that would inflate past the room it was given. */
export const INFLATE_OVERFLOW = -12;

/** Input copied into WebAssembly per call: a slice of a large chunk, not all of it. */
const MAX_SLICE = 64 * 1024;

/**
 * Inflaters given back, kept for the next pack: each instance has a memory of its own (1.2 MB at
 * least), and one made per pack made the comment remote, which reads a tiny pack per push, spend
 * ~3 ms of CPU per push, most of it collecting them (0.9 ms with one kept). One that grew past
 * MAX_IDLE_MEMORY_BYTES for a large object is not kept.
 */
const idleInflaters: WasmInflater[] = [];
const MAX_IDLE_INFLATERS = 4;
const MAX_IDLE_MEMORY_BYTES = 4 * 1024 * 1024;

let compiled: WebAssembly.Module | undefined;
let compiling: Promise<void> | undefined;
let unavailable = false;

/**
 * The compiled module, or undefined while it cannot be had synchronously: Chromium compiles
 * only modules under 4 KB synchronously on a page's main thread (workers and Node have no such
 * limit), so there it is compiled asynchronously and pako serves until it is ready; a
 * Content-Security-Policy without 'wasm-unsafe-eval' leaves pako for good.
 */
function inflateModule(): WebAssembly.Module | undefined {
  if (compiled || unavailable || compiling) return compiled;
  try {
    compiled = new WebAssembly.Module(base64Bytes(INFLATE_WASM_BASE64));
  } catch {
    compiling = WebAssembly.compile(base64Bytes(INFLATE_WASM_BASE64)).then(
      (module) => void (compiled = module),
      () => void (unavailable = true),
    );
  }
  return compiled;
}

/** The words for a corrupt stream's status. */
export function inflateErrorMessage(status: number): string {
  return ERRORS[status] ?? `status ${status}`;
}

/**
 * One instance of the WebAssembly raw-deflate decoder, with its own memory: the stream's output
 * is inflated there whole (so its window is the output itself), then copied to the caller. Input
 * is copied in slices; what the decoder could not use yet (part of a symbol or of a block's
 * header, a few bytes) stays at the input area's start for the next piece.
 */
export class WasmInflater {
  private heap: Uint8Array<ArrayBuffer>;
  private readonly inputStart: number;
  private readonly inputCapacity: number;
  /** Bytes kept at the input area's start from the previous piece. */
  private kept = 0;
  private size = 0;

  private constructor(private readonly wasm: InflateExports) {
    this.heap = new Uint8Array(wasm.memory.buffer);
    this.inputStart = wasm.inputStart();
    this.inputCapacity = wasm.inputCapacity();
  }

  /** An inflater (one given back, else a new one), or undefined where WebAssembly cannot be compiled (yet). */
  static create(): WasmInflater | undefined {
    const kept = idleInflaters.pop();
    if (kept) return kept;
    const module = inflateModule();
    if (!module) return undefined;
    return new WasmInflater(new WebAssembly.Instance(module).exports as unknown as InflateExports);
  }

  /** Gives this inflater back for the next {@link create}; its owner must not use it again. */
  release(): void {
    if (idleInflaters.length < MAX_IDLE_INFLATERS && this.wasm.memory.buffer.byteLength <= MAX_IDLE_MEMORY_BYTES) idleInflaters.push(this);
  }

  /** Starts a stream that must inflate to `size` bytes; false if the memory cannot grow that far. */
  begin(size: number): boolean {
    if (!this.wasm.begin(size)) return false;
    if (this.heap.buffer !== this.wasm.memory.buffer) this.heap = new Uint8Array(this.wasm.memory.buffer);
    this.kept = 0;
    this.size = size;
    return true;
  }

  /**
   * Inflates `input` from `from`. Returns where in `input` the deflate data ended, or -1 when all
   * of it was used and the stream wants more. A negative status for a corrupt stream (or one
   * that would inflate past its size, {@link INFLATE_OVERFLOW}) is thrown as {@link InflateStatus}.
   */
  feed(input: Uint8Array, from: number): number {
    let at = from;
    for (;;) {
      const slice = Math.min(input.length - at, this.inputCapacity - this.kept, this.sliceHint());
      this.heap.set(input.subarray(at, at + slice), this.inputStart + this.kept);
      const length = this.kept + slice;
      const status = this.wasm.inflate(length);
      const used = this.wasm.inputUsed();
      if (status === DONE) return at + used - this.kept;
      if (status !== NEED_MORE) throw new InflateStatus(status);
      this.heap.copyWithin(this.inputStart, this.inputStart + used, this.inputStart + length);
      this.kept = length - used;
      at += slice;
      if (at >= input.length) return -1;
    }
  }

  /** Bytes inflated so far. */
  get inflated(): number {
    return this.wasm.outputLength();
  }

  /** Copies the inflated bytes into `output` at `start`. */
  copyTo(output: Uint8Array, start: number): void {
    const from = this.wasm.outputStart();
    output.set(this.heap.subarray(from, from + this.wasm.outputLength()), start);
  }

  /** Input worth copying for what is left to inflate: deflate never grows data by an eighth. */
  private sliceHint(): number {
    const left = this.size - this.wasm.outputLength();
    return Math.min(MAX_SLICE, left + (left >> 3) + 1024);
  }
}

/** A decoder status that ends a stream: corrupt data, or more output than its room. */
export class InflateStatus extends Error {
  constructor(readonly status: number) {
    super(inflateErrorMessage(status));
  }
}
