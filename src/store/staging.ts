import { WrongObjectTypeError } from './errors.ts';
import { commitLinks, forEachTreeLink } from './graph/index.ts';
import {
  decodeCommit,
  decodeTree,
  encodeSortedTreeRaw,
  hashRawAsync,
  scanTreeEntry,
  sortTreeEntries,
  unwrapObject,
  wrapObject,
  type CommitData,
  type GitObject,
  type HashedObject,
  type ObjectType,
  type TreeEntry,
} from './objects/index.ts';
import type { ObjectSink, ObjectStore } from './object-store.ts';
import { writeOidBytes, type Oid } from './oid.ts';

/**
 * New objects of one change, hashed but not yet stored. Reads see them first, so a commit can
 * be built (and merged on retry) entirely before the one transaction that stores it.
 */
export class Staging implements ObjectSink {
  private readonly staged = new Map<Oid, HashedObject>();
  /** Trees written by patching another: the tree they were patched from, and the ids put in by position. */
  private readonly patched = new Map<Oid, { base: Oid; changed: Map<number, Oid> }>();

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
      const { type, content } = unwrapObject(staged.raw);
      if (type === 'commit') for (const link of commitLinks(decodeCommit(content))) visit(link.oid);
      else if (type === 'tree') visitTreeLinks(oid, content, new Set());
    };
    // A patched tree links to what its base linked to but for the ids put in: only those, and
    // the base's other links when the base is staged too, can be staged (a shard of 100,000
    // items has ~390 entries, of which a commit changes one).
    const visitTreeLinks = (oid: Oid, content: Uint8Array, replaced: Set<number>): void => {
      const patch = this.patched.get(oid);
      if (!patch) {
        const entries = this.store.cachedTree(oid) ?? decodeTree(content);
        return forEachTreeLink(replaced.size === 0 ? entries : entries.filter((_, i) => !replaced.has(i)), visit);
      }
      for (const [index, changed] of patch.changed) if (!replaced.has(index)) visit(changed);
      const base = this.staged.get(patch.base);
      if (base) visitTreeLinks(patch.base, unwrapObject(base.raw).content, new Set([...replaced, ...patch.changed.keys()]));
    };
    visit(root);
    return out;
  }

  async writeObject(type: ObjectType, content: Uint8Array): Promise<Oid> {
    return this.stage(wrapObject(type, content));
  }

  writeTree(entries: readonly TreeEntry[]): Promise<Oid> {
    return this.writeSortedTree(sortTreeEntries(entries));
  }

  async writeChangedTree(base: Oid, entries: readonly TreeEntry[], changed: readonly number[]): Promise<Oid> {
    const before = this.store.cachedTreeBytes(base);
    if (!before) return this.writeSortedTree(entries);
    // The same names and modes in the same places: only the changed entries' ids differ.
    const raw = before.slice();
    let at = raw.indexOf(0) + 1; // after the `tree <size>` header
    let index = 0;
    for (const target of [...changed].sort((a, b) => a - b)) {
      for (; index < target; index++) at = scanTreeEntry(raw, at)?.end ?? raw.length;
      const span = scanTreeEntry(raw, at);
      if (!span) return this.writeSortedTree(entries); // cannot happen for bytes this handle wrote
      writeOidBytes((entries[target] as TreeEntry).oid, raw, span.nul + 1);
    }
    this.store.forgetTreeBytes(base);
    const oid = await this.stageTree(raw, entries);
    if (oid !== base) this.patched.set(oid, { base, changed: new Map(changed.map((index) => [index, (entries[index] as TreeEntry).oid])) });
    return oid;
  }

  private writeSortedTree(entries: readonly TreeEntry[]): Promise<Oid> {
    return this.stageTree(encodeSortedTreeRaw(entries), entries);
  }

  private async stageTree(raw: Uint8Array, entries: readonly TreeEntry[]): Promise<Oid> {
    const oid = await this.stage(raw);
    this.store.rememberTree(oid, entries, raw);
    return oid;
  }

  private async stage(raw: Uint8Array): Promise<Oid> {
    const oid = await hashRawAsync(raw);
    this.staged.set(oid, { oid, raw });
    return oid;
  }

  async readObject(oid: Oid): Promise<GitObject> {
    const staged = this.staged.get(oid);
    return staged ? unwrapObject(staged.raw) : this.store.readObject(oid);
  }

  async readTree(oid: Oid): Promise<readonly TreeEntry[]> {
    const staged = this.staged.get(oid);
    return staged ? (this.store.cachedTree(oid) ?? decodeTree(unwrapObject(staged.raw).content)) : this.store.readTree(oid);
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
