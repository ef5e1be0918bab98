import type { Backend } from './backend/index.ts';
import { CorruptObjectError, ObjectNotFoundError, StoreError, WrongObjectTypeError } from './errors.ts';
import { LruCache } from './lru-cache.ts';
import { commitLinks, treeLinks, type ObjectLink } from './graph/links.ts';
import {
  EMPTY_TREE,
  decodeCommit,
  decodeTree,
  encodeSortedTree,
  hashObject,
  hashRaw,
  sortTreeEntries,
  unwrapObject,
  type CommitData,
  type GitObject,
  type HashedObject,
  type ObjectType,
  type TreeEntry,
} from './objects/index.ts';
import type { Oid } from './oid.ts';

/** Reading side shared by tree edits, merges and views. Decoded results must not be mutated. */
export interface ObjectSource {
  readObject(oid: Oid): Promise<GitObject>;
  readTree(oid: Oid): Promise<readonly TreeEntry[]>;
  readCommit(oid: Oid): Promise<CommitData>;
  readBlob(oid: Oid): Promise<Uint8Array>;
}

/** Writing side: objects are hashed at once and kept until the caller stores them. */
export interface ObjectSink extends ObjectSource {
  writeObject(type: ObjectType, content: Uint8Array): Oid;
  writeTree(entries: readonly TreeEntry[]): Oid;
}

const TREE_CACHE_SIZE = 4096;
const COMMIT_CACHE_SIZE = 4096;

/**
 * Verified reads from a backend. Every object is checked against its id before use (a corrupt
 * object is reported, never returned); decoded trees and commits are cached, since an id
 * always names the same bytes.
 */
export class ObjectStore implements ObjectSource {
  private readonly trees = new LruCache<Oid, readonly TreeEntry[]>(TREE_CACHE_SIZE);
  private readonly commits = new LruCache<Oid, CommitData>(COMMIT_CACHE_SIZE);

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

  /** Many objects in one transaction, each verified against its id. */
  async readObjects(oids: readonly Oid[]): Promise<GitObject[]> {
    const raws = await this.backend.getObjects(oids);
    return oids.map((oid, i) => verifyRaw(oid, raws[i]));
  }

  /** Many blobs in one transaction, each verified; for loading a whole folder at once. */
  async readBlobs(oids: readonly Oid[]): Promise<Uint8Array[]> {
    const objects = await this.readObjects(oids);
    return oids.map((oid, i) => {
      const object = objects[i] as GitObject;
      if (object.type !== 'blob') throw new WrongObjectTypeError(oid, 'blob', object.type);
      return object.content;
    });
  }

  /** The ids among `oids` that are not stored, looked up in one transaction; the empty tree is always there. */
  async missing(oids: readonly Oid[]): Promise<Oid[]> {
    const wanted = oids.filter((oid) => oid !== EMPTY_TREE);
    const found = await this.backend.hasObjects(wanted);
    return wanted.filter((_, i) => !found[i]);
  }

  /** Many trees, the ones not cached read in one transaction; for walks that go level by level. */
  async readTrees(oids: readonly Oid[]): Promise<Array<readonly TreeEntry[]>> {
    const missing = [...new Set(oids.filter((oid) => oid !== EMPTY_TREE && this.trees.get(oid) === undefined))];
    if (missing.length > 0) {
      const objects = await this.readObjects(missing);
      missing.forEach((oid, i) => {
        const object = objects[i] as GitObject;
        if (object.type !== 'tree') throw new WrongObjectTypeError(oid, 'tree', object.type);
        this.trees.set(oid, decodeAs(oid, object.content, decodeTree));
      });
    }
    return Promise.all(oids.map((oid) => this.readTree(oid)));
  }

  /** A decoded tree if it is in the cache, without touching the backend. */
  cachedTree(oid: Oid): readonly TreeEntry[] | undefined {
    return this.trees.get(oid);
  }

  /** Remembers a tree this process encoded, so the next commit need not decode it again. */
  rememberTree(oid: Oid, entries: readonly TreeEntry[]): void {
    this.trees.set(oid, entries);
  }

  /** Remembers a commit this process encoded. */
  rememberCommit(oid: Oid, commit: CommitData): void {
    this.commits.set(oid, commit);
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

/**
 * New objects of one change, hashed but not yet stored. Reads see them first, so a commit can
 * be built (and merged on retry) entirely before the one transaction that stores it.
 */
export class Staging implements ObjectSink {
  private readonly staged = new Map<Oid, HashedObject>();

  constructor(private readonly store: ObjectStore) {}

  /**
   * The staged objects `root` reaches, to store with it. Attempts abandoned after a lost race
   * leave staged objects nothing reaches; those are not written.
   */
  reachableFrom(root: Oid): HashedObject[] {
    const out: HashedObject[] = [];
    const seen = new Set<Oid>();
    const visit = (oid: Oid): void => {
      const staged = this.staged.get(oid);
      if (!staged || seen.has(oid)) return;
      seen.add(oid);
      out.push(staged);
      for (const link of this.links(oid, unwrapObject(staged.raw))) visit(link.oid);
    };
    visit(root);
    return out;
  }

  /** A staged object's links; its tree's entries are most often still decoded in the cache. */
  private links(oid: Oid, { type, content }: GitObject): ObjectLink[] {
    if (type === 'commit') return commitLinks(decodeCommit(content));
    if (type === 'tree') return treeLinks(this.store.cachedTree(oid) ?? decodeTree(content));
    return [];
  }

  writeObject(type: ObjectType, content: Uint8Array): Oid {
    const hashed = hashObject(type, content);
    this.staged.set(hashed.oid, hashed);
    return hashed.oid;
  }

  writeTree(entries: readonly TreeEntry[]): Oid {
    const sorted = sortTreeEntries(entries);
    const oid = this.writeObject('tree', encodeSortedTree(sorted));
    this.store.rememberTree(oid, sorted);
    return oid;
  }

  async readObject(oid: Oid): Promise<GitObject> {
    const staged = this.staged.get(oid);
    return staged ? unwrapObject(staged.raw) : this.store.readObject(oid);
  }

  async readTree(oid: Oid): Promise<readonly TreeEntry[]> {
    const staged = this.staged.get(oid);
    return staged ? decodeTree(unwrapObject(staged.raw).content) : this.store.readTree(oid);
  }

  readCommit(oid: Oid): Promise<CommitData> {
    const staged = this.staged.get(oid);
    return staged ? Promise.resolve(decodeCommit(unwrapObject(staged.raw).content)) : this.store.readCommit(oid);
  }

  async readBlob(oid: Oid): Promise<Uint8Array> {
    const staged = this.staged.get(oid);
    if (!staged) return this.store.readBlob(oid);
    const object = unwrapObject(staged.raw);
    if (object.type !== 'blob') throw new WrongObjectTypeError(oid, 'blob', object.type);
    return object.content;
  }
}
