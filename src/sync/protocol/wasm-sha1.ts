import { base64Bytes } from './base64-bytes.ts';
import { SHA1_WASM_BASE64 } from './sha1-wasm-binary.ts';

/** What the WebAssembly SHA-1 (wasm/sha1/sha1.ts) exports. */
interface Sha1Exports {
  memory: WebAssembly.Memory;
  inputStart(): number;
  inputCapacity(): number;
  digestStart(): number;
  stateStart(state: number): number;
  stateBytes(): number;
  init(state: number): void;
  update(state: number, length: number): void;
  final(state: number): void;
  hash(length: number): void;
}

/** The module's state for a whole object in one call, and the one a running hash is updated in. */
const WHOLE = 0;
const RUNNING = 1;
const DIGEST_BYTES = 20;

/**
 * SHA-1 in WebAssembly, one instance per thread ({@link wasmSha1}): every call is synchronous and
 * leaves nothing behind in the module, so it serves every hash of its thread, whole objects and
 * running hashes (each keeps its state in a buffer of its own between updates) alike. One
 * instance, one set of call targets: V8 compiles the code that calls it once, for one shape.
 * (hash-wasm, used before, made an instance per hasher, decoded its module with a loop of its own
 * in every fresh worker, and its glue allocated a view per call.)
 */
export class WasmSha1 {
  private readonly heap: Uint8Array;
  private readonly input: number;
  private readonly capacity: number;
  private readonly digestAt: number;
  private readonly runningAt: number;
  private readonly stateBytes: number;

  constructor(private readonly wasm: Sha1Exports) {
    this.heap = new Uint8Array(wasm.memory.buffer);
    this.input = wasm.inputStart();
    this.capacity = wasm.inputCapacity();
    this.digestAt = wasm.digestStart();
    this.runningAt = wasm.stateStart(RUNNING);
    this.stateBytes = wasm.stateBytes();
  }

  /** The digest of `bytes`: a view of the module's memory, valid until the next call. */
  digest(bytes: Uint8Array): Uint8Array {
    if (bytes.length <= this.capacity) {
      this.heap.set(bytes, this.input);
      this.wasm.hash(bytes.length);
    } else {
      this.wasm.init(WHOLE);
      this.feed(WHOLE, bytes);
      this.wasm.final(WHOLE);
    }
    return this.heap.subarray(this.digestAt, this.digestAt + DIGEST_BYTES);
  }

  /** A running hash, updated piece by piece (a pack's trailing checksum). */
  running(): { update(bytes: Uint8Array): void; digest(): Uint8Array } {
    this.wasm.init(RUNNING);
    const state = this.heap.slice(this.runningAt, this.runningAt + this.stateBytes);
    return {
      update: (bytes) => {
        this.heap.set(state, this.runningAt);
        this.feed(RUNNING, bytes);
        state.set(this.heap.subarray(this.runningAt, this.runningAt + this.stateBytes));
      },
      digest: () => {
        this.heap.set(state, this.runningAt);
        this.wasm.final(RUNNING);
        return this.heap.slice(this.digestAt, this.digestAt + DIGEST_BYTES);
      },
    };
  }

  /** Hashes `bytes` into `state`, a slice of the input area at a time. */
  private feed(state: number, bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; at += this.capacity) {
      const piece = bytes.subarray(at, at + this.capacity);
      this.heap.set(piece, this.input);
      this.wasm.update(state, piece.length);
    }
  }
}

let shared: Promise<WasmSha1 | undefined> | undefined;

/**
 * This thread's {@link WasmSha1} (compiled asynchronously, which a page's main thread requires of
 * a module this size), or `undefined` where WebAssembly may not be compiled (a
 * Content-Security-Policy without 'wasm-unsafe-eval').
 */
export function wasmSha1(): Promise<WasmSha1 | undefined> {
  shared ??= WebAssembly.instantiate(base64Bytes(SHA1_WASM_BASE64)).then(
    ({ instance }) => new WasmSha1(instance.exports as unknown as Sha1Exports),
    () => undefined,
  );
  return shared;
}
