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

/** Wraps and hashes an object's content, as `git hash-object -t <type>` does. */
export function hashObject(type: ObjectType, content: Uint8Array): HashedObject {
  const raw = wrapObject(type, content);
  return { oid: hashRaw(raw), raw };
}
