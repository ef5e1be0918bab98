import type { Backend } from './backend/index.ts';
import { CorruptObjectError, ObjectNotFoundError, StoreError, WrongObjectTypeError } from './errors.ts';
import { LruCache } from './lru-cache.ts';
import { EMPTY_TREE, decodeCommit, decodeTree, hashRaw, unwrapObject, wrapObject, type CommitData, type GitObject, type ObjectType, type TreeEntry } from './objects/index.ts';
import type { Oid } from './oid.ts';
import { TimeSlice } from './time-slice.ts';

/** Reading side shared by tree edits, merges and views. Decoded results must not be mutated. */
export interface ObjectSource {
  readObject(oid: Oid): Promise<GitObject>;
  readTree(oid: Oid): Promise<readonly TreeEntry[]>;
  readCommit(oid: Oid): Promise<CommitData>;
  readBlob(oid: Oid): Promise<Uint8Array>;
}

/** Writing side: objects are hashed at once and kept until the caller stores them. */
export interface ObjectSink extends ObjectSource {
  writeObject(type: ObjectType, content: Uint8Array): Promise<Oid>;
  writeTree(entries: readonly TreeEntry[]): Promise<Oid>;
  /**
   * {@link writeTree} for `entries`: tree `base`'s entries with those at `changed` replaced by
   * entries of the same name and mode (so still in git's order).
   */
  writeChangedTree(base: Oid, entries: readonly TreeEntry[], changed: readonly number[]): Promise<Oid>;
}

const TREE_CACHE_SIZE = 4096;
/**
 * Ids read or looked up per transaction when many are asked at once: thousands of requests
 * queued in one task hold the page (a pull's check of 3,000 ids took ~100 ms), and a group's
 * objects are checked before the next group is read.
 */
const READ_GROUP = 256;
const COMMIT_CACHE_SIZE = 4096;
/**
 * Bytes of trees this handle wrote kept as they were written: the next change to one of them
 * patches the ids it changes instead of encoding the whole tree again (a shard of 100,000 items
 * is ~27 KB).
 */
const TREE_BYTES_CACHE_BYTES = 8 * 2 ** 20;

/**
 * Verified reads from a backend. Every object is checked against its id before use (a corrupt
 * object is reported, never returned); decoded trees and commits are cached, since an id
 * always names the same bytes.
 */
export class ObjectStore implements ObjectSource {
  private readonly trees = new LruCache<Oid, readonly TreeEntry[]>(TREE_CACHE_SIZE);
  private readonly commits = new LruCache<Oid, CommitData>(COMMIT_CACHE_SIZE);
  private readonly treeBytes = new LruCache<Oid, Uint8Array>(TREE_BYTES_CACHE_BYTES, (raw) => raw.length);

  constructor(readonly backend: Backend) {}

  async readObject(oid: Oid): Promise<GitObject> {
    return verifyRaw(oid, await this.backend.getObject(oid));
  }

  async readTree(oid: Oid): Promise<readonly TreeEntry[]> {
    if (oid === EMPTY_TREE) return [];
    const cached = this.trees.get(oid);
    if (cached) return cached;
    const entries = decodeAs(oid, await this.readTyped(oid, 'tree'), decodeTree);
    this.trees.set(oid, entries);
    return entries;
  }

  async readCommit(oid: Oid): Promise<CommitData> {
    const cached = this.commits.get(oid);
    if (cached) return cached;
    const commit = decodeAs(oid, await this.readTyped(oid, 'commit'), decodeCommit);
    this.commits.set(oid, commit);
    return commit;
  }

  async readBlob(oid: Oid): Promise<Uint8Array> {
    return this.readTyped(oid, 'blob');
  }

  /**
   * Many objects, each verified against its id; read a group of {@link READ_GROUP} per
   * transaction and checked in slices, so that thousands (served from the chunk cache with no
   * task between) never hold the page in one task.
   */
  async readObjects(oids: readonly Oid[]): Promise<GitObject[]> {
    const objects: GitObject[] = [];
    const slice = new TimeSlice();
    for (let start = 0; start < oids.length; start += READ_GROUP) {
      const group = oids.slice(start, start + READ_GROUP);
      const raws = await this.backend.getObjects(group);
      for (const [i, oid] of group.entries()) {
        if (slice.due()) await slice.next();
        objects.push(verifyRaw(oid, raws[i]));
      }
    }
    return objects;
  }

  /** Many objects' loose forms in one transaction, unverified (see `ObjectAccess.readLoose`). */
  async readLoose(oids: readonly Oid[]): Promise<Uint8Array[]> {
    const raws = await this.backend.getObjects(oids);
    return oids.map((oid, i) => raws[i] ?? (oid === EMPTY_TREE ? wrapObject('tree', new Uint8Array()) : notFound(oid)));
  }

  /** Many blobs, each verified, read as {@link readObjects} does; for loading a whole folder at once. */
  async readBlobs(oids: readonly Oid[]): Promise<Uint8Array[]> {
    const objects = await this.readObjects(oids);
    return oids.map((oid, i) => {
      const object = objects[i] as GitObject;
      if (object.type !== 'blob') throw new WrongObjectTypeError(oid, 'blob', object.type);
      return object.content;
    });
  }

  /**
   * The ids among `oids` that are not stored, looked up a group of {@link READ_GROUP} per
   * transaction with the page let through between groups; the empty tree is always there.
   */
  async missing(oids: readonly Oid[]): Promise<Oid[]> {
    const wanted = oids.filter((oid) => oid !== EMPTY_TREE);
    const absent: Oid[] = [];
    const slice = new TimeSlice();
    for (let start = 0; start < wanted.length; start += READ_GROUP) {
      if (start > 0) await slice.pause();
      const group = wanted.slice(start, start + READ_GROUP);
      const found = await this.backend.hasObjects(group);
      group.forEach((oid, i) => found[i] || absent.push(oid));
    }
    return absent;
  }

  /**
   * Many trees, the ones not cached read a group per transaction; for walks that go level by
   * level. Thousands of trees (an export's level of root trees) are checked and decoded in
   * slices, so the page keeps painting. The answer is kept here, not taken back from the cache:
   * a level larger than the cache would have its first trees read again, one by one, in one task.
   */
  async readTrees(oids: readonly Oid[]): Promise<Array<readonly TreeEntry[]>> {
    const decoded = new Map<Oid, readonly TreeEntry[]>([[EMPTY_TREE, []]]);
    for (const oid of oids) {
      const cached = this.trees.get(oid);
      if (cached) decoded.set(oid, cached);
    }
    const missing = [...new Set(oids.filter((oid) => !decoded.has(oid)))];
    const objects = await this.readObjects(missing);
    const slice = new TimeSlice();
    for (const [i, oid] of missing.entries()) {
      if (slice.due()) await slice.next();
      const object = objects[i] as GitObject;
      if (object.type !== 'tree') throw new WrongObjectTypeError(oid, 'tree', object.type);
      const entries = decodeAs(oid, object.content, decodeTree);
      this.trees.set(oid, entries);
      decoded.set(oid, entries);
    }
    return oids.map((oid) => decoded.get(oid) as readonly TreeEntry[]);
  }

  /** A decoded tree if it is in the cache, without touching the backend. */
  cachedTree(oid: Oid): readonly TreeEntry[] | undefined {
    return this.trees.get(oid);
  }

  /**
   * Remembers a tree this process encoded, so the next commit need not decode it again, nor
   * (given its loose form `raw`) encode it.
   */
  rememberTree(oid: Oid, entries: readonly TreeEntry[], raw?: Uint8Array): void {
    this.trees.set(oid, entries);
    if (raw) this.treeBytes.set(oid, raw);
  }

  /** The loose form of a tree this process encoded, if still at hand. */
  cachedTreeBytes(oid: Oid): Uint8Array | undefined {
    return this.treeBytes.get(oid);
  }

  /** Drops the loose form of a tree a newer version replaces, so the bound holds trees still in use. */
  forgetTreeBytes(oid: Oid): void {
    this.treeBytes.delete(oid);
  }

  /** Remembers a commit this process encoded. */
  rememberCommit(oid: Oid, commit: CommitData): void {
    this.commits.set(oid, commit);
  }

  /** Remembers a commit whose loose form the caller holds, once it checks out against its id (else a later read reports it). */
  rememberLooseCommit(oid: Oid, raw: Uint8Array): void {
    try {
      const object = verifyRaw(oid, raw);
      if (object.type === 'commit') this.commits.set(oid, decodeCommit(object.content));
    } catch {
      // Not kept: the read finds what is stored and reports it.
    }
  }

  private async readTyped(oid: Oid, type: ObjectType): Promise<Uint8Array> {
    let object: GitObject;
    try {
      object = await this.readObject(oid);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw new ObjectNotFoundError(oid, type);
      throw error;
    }
    if (object.type !== type) throw new WrongObjectTypeError(oid, type, object.type);
    return object.content;
  }
}

function notFound(oid: Oid): never {
  throw new ObjectNotFoundError(oid);
}

/** Checks stored bytes against their id and splits them; never returns a corrupt object. */
function verifyRaw(oid: Oid, raw: Uint8Array | undefined): GitObject {
  // Like git, every repository has the empty tree, stored or not.
  if (raw === undefined && oid === EMPTY_TREE) return { type: 'tree', content: new Uint8Array() };
  if (raw === undefined) throw new ObjectNotFoundError(oid);
  if (hashRaw(raw) !== oid) throw new CorruptObjectError(oid, 'its bytes do not hash to its id');
  try {
    return unwrapObject(raw);
  } catch (error) {
    throw asCorrupt(oid, error);
  }
}

function decodeAs<T>(oid: Oid, content: Uint8Array, decode: (content: Uint8Array) => T): T {
  try {
    return decode(content);
  } catch (error) {
    throw asCorrupt(oid, error);
  }
}

function asCorrupt(oid: Oid, error: unknown): StoreError {
  if (error instanceof CorruptObjectError) return error;
  return new CorruptObjectError(oid, error instanceof Error ? error.message : String(error));
}
