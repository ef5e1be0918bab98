import type { HashedObject } from '../objects/index.ts';
import type { Oid } from '../oid.ts';

/**
 * Where a repository keeps its bytes: a content-addressed object table and a ref table whose
 * entries move only by compare-and-set. Objects are stored uncompressed in git's loose form
 * (`"<type> <size>\0<content>"`); the store verifies them against their id when reading.
 */
export interface Backend {
  /** The raw bytes stored under `oid`, unverified, or `undefined`. */
  getObject(oid: Oid): Promise<Uint8Array | undefined>;
  /** The raw bytes of many objects, read in one transaction; `undefined` where missing. */
  getObjects(oids: readonly Oid[]): Promise<Array<Uint8Array | undefined>>;
  /** For each id, whether an object is stored under it. */
  hasObjects(oids: readonly Oid[]): Promise<boolean[]>;
  /** Stores objects (already hashed) in one transaction. */
  putObjects(objects: readonly HashedObject[]): Promise<void>;
  /** A ref's target, or `undefined` when it does not exist. */
  getRef(name: string): Promise<Oid | undefined>;
  /** Every ref and its target. */
  listRefs(): Promise<Map<string, Oid>>;
  /**
   * In one atomic step: when ref `name` points at `expected` (`undefined`: does not exist), store
   * `objects` and point it at `next`, returning true; otherwise change nothing and return false.
   */
  compareAndSetRef(name: string, expected: Oid | undefined, next: Oid, objects: readonly HashedObject[]): Promise<boolean>;
  close(): void;
}

/**
 * IndexedDB structured-clones a typed array's whole buffer; store exactly the object's bytes
 * so a view into a larger buffer does not drag the rest along.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
