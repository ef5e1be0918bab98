import { sha1 } from '@noble/hashes/legacy.js';
import { oidFromBytes, type Oid } from '../oid.ts';
import { wrapObject, type ObjectType } from './object-format.ts';

/** An object ready to store: its id and its uncompressed loose form. */
export interface HashedObject {
  oid: Oid;
  raw: Uint8Array;
}

/**
 * The git id of raw loose-object bytes. Synchronous @noble/hashes: the store's objects are
 * small (records, shard trees), where it beats awaiting WebCrypto (see ENVIRONMENT.md).
 */
export function hashRaw(raw: Uint8Array): Oid {
  return oidFromBytes(sha1(raw));
}

/** From this size on, WebCrypto's SHA-1 (native, off the main thread) beats @noble's even awaited. */
const SUBTLE_MIN_BYTES = 4096;

/**
 * {@link hashRaw}, with WebCrypto for large input where it is there (a secure context): in
 * Chromium ~12 µs for 20 KB against ~160 µs (ENVIRONMENT.md). A shard tree of 100,000 items
 * is ~27 KB, rewritten by every commit of an item in it.
 */
export async function hashRawAsync(raw: Uint8Array): Promise<Oid> {
  const subtle = raw.length >= SUBTLE_MIN_BYTES ? globalThis.crypto?.subtle : undefined;
  if (!subtle) return hashRaw(raw);
  return oidFromBytes(new Uint8Array(await subtle.digest('SHA-1', raw as Uint8Array<ArrayBuffer>)));
}

/** Wraps and hashes an object's content, as `git hash-object -t <type>` does. */
export function hashObject(type: ObjectType, content: Uint8Array): HashedObject {
  const raw = wrapObject(type, content);
  return { oid: hashRaw(raw), raw };
}
