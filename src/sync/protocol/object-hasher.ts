import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Oid } from '../../store/index.ts';
import { wasmSha1 } from './wasm-sha1.ts';

/** The id of an object's loose form: at once for small objects, awaited for large ones. */
export type HashRaw = (raw: Uint8Array) => Oid | Promise<Oid>;

/** An incremental SHA-1, for a pack's trailing checksum. */
export interface IncrementalSha1 {
  update(bytes: Uint8Array): void;
  digest(): Uint8Array;
}

/**
 * From this size up, WebCrypto's SHA-1 wins even awaited, and works on another thread
 * (Chromium 150, 2,000 objects hashed in batches of 200 on a loaded machine, per object:
 * 1 KB 3.6 us against 2.5 us for WebAssembly (hash-wasm's then, as fast as ours), 4 KB 6.1
 * against 8.9, 8 KB 11 against 39, 16 KB 26 against 56); below it, the WebAssembly SHA-1. (It was 16 KB, from single 200 B and 20 KB
 * figures: the prose revisions of a book, 2-16 KB, went to the slower one.)
 */
const SUBTLE_MIN_BYTES = 2 * 1024;

/**
 * Hashes objects with the fastest SHA-1 for their size: WebAssembly's for small, WebCrypto's for
 * large (@noble/hashes where WebAssembly may not be compiled).
 */
export async function createObjectHasher(): Promise<HashRaw> {
  const small = await wasmSha1();
  const subtle = globalThis.crypto?.subtle;
  const hashSmall = small ? (raw: Uint8Array): Oid => bytesToHex(small.digest(raw)) as Oid : (raw: Uint8Array): Oid => bytesToHex(sha1(raw)) as Oid;
  if (!subtle) return hashSmall;
  return (raw) =>
    raw.length < SUBTLE_MIN_BYTES ? hashSmall(raw) : subtle.digest('SHA-1', raw as Uint8Array<ArrayBuffer>).then((digest) => bytesToHex(new Uint8Array(digest)) as Oid);
}

/** An incremental SHA-1 in WebAssembly (about three times JavaScript's speed). */
export async function createIncrementalSha1(): Promise<IncrementalSha1> {
  const wasm = await wasmSha1();
  if (wasm) return wasm.running();
  const noble = sha1.create();
  return { update: (bytes) => void noble.update(bytes), digest: () => noble.digest() };
}
