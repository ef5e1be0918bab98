import type { HashedObject } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import type { ImportTarget } from './indexeddb-import.ts';
import type { ObjectRun } from './object-batch.ts';

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
  /**
   * Starts storing many objects over several bounded transactions (a large fetch). What it
   * stores stays invisible to every read until {@link BackendImport.commit}; an import left
   * unfinished (tab closed, crash) is deleted by the next `beginImport` of any handle.
   */
  beginImport(): Promise<BackendImport>;
  close(): void;
}

/** A ref move made in the same transaction as an import's commit. */
export interface RefMove {
  name: string;
  expected: Oid | undefined;
  next: Oid;
}

/** Objects being stored run by run; see {@link Backend.beginImport}. */
export interface BackendImport {
  /** Where another realm (a worker) may store runs itself with `openImportWriter`; absent when only `put` can. */
  target?: ImportTarget;
  /** Stores one run in a transaction of its own; its objects stay hidden. */
  put(run: ObjectRun): Promise<void>;
  /**
   * Makes every run put so far visible at once, and moves `ref` by compare-and-set in the same
   * transaction. When the ref moved meanwhile, nothing changes and it returns false: the runs
   * stay hidden until another commit, or `abort`.
   */
  commit(ref?: RefMove): Promise<boolean>;
  /** Deletes the runs put so far. */
  abort(): Promise<void>;
}

/**
 * IndexedDB structured-clones a typed array's whole buffer; store exactly the object's bytes
 * so a view into a larger buffer does not drag the rest along.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
