import { findTreeProblem, MAX_TREE_DEPTH, type ClosureProblem, type ObjectType, type Oid } from '../../store/index.ts';
import { describeClosureProblem } from '../describe-closure.ts';
import { ProtocolError } from '../protocol/errors.ts'; // not the index, which pulls pako's deflate into the unpack worker
import { idBytes, IdTable } from './id-table.ts';
import { objectLinks } from './object-links.ts';
import { TreeVersions, type CheckedTree } from './tree-versions.ts';

const COMMIT = 1;
const TREE = 2;
const BLOB = 3;
const TAG = 4;
const TYPES: ReadonlyArray<ObjectType | undefined> = [undefined, 'commit', 'tree', 'blob', 'tag'];
/** Low 3 bits: the type of the object in the pack (0: not in it). Next 3: the type something named it as. */
const NAMED_SHIFT = 3;
/** No tree being checked. */
const EMPTY = new Uint8Array(0);
/** Trees from this size are kept to check their next versions by difference ({@link TreeVersions}). */
const KEEP_TREES_FROM_BYTES = 512;
/** What those copies may add up to. */
const KEEP_TREES_BYTES = 4 * 1024 * 1024;

function typeBits(type: ObjectType): number {
  return type === 'blob' ? BLOB : type === 'tree' ? TREE : type === 'commit' ? COMMIT : TAG;
}

function refuse(problem: ClosureProblem): never {
  throw new ProtocolError('pack', describeClosureProblem(problem, 'the pack'));
}

/**
 * What a fetched pack holds and what it names, object by object as they are verified, in a few
 * bits per id, with the store's rules (the same as `graph.checkClosed`, which needs every object
 * at once): an object must have the type whatever names it says, every tree must follow git's
 * rules (`findTreeProblem`), trees may nest at most MAX_TREE_DEPTH deep below a commit's root,
 * and what is named but not in the pack must already be stored (asked of the store once, with
 * {@link outside}). Only the trees' links to sub-trees are kept, for the depth check at the end.
 * Ids are kept and looked up as their bytes ({@link IdTable}): a tree's entries are never made
 * into strings.
 */
export class PackClosure {
  private readonly ids = new IdTable();
  /**
   * Each pack tree's sub-trees (entries of `ids`), by the tree's entry: a tree that differs from
   * an earlier version only in files shares that version's array.
   */
  private readonly subtrees = new Map<number, Int32Array>();
  /** The root trees of the pack's commits and tags (entries of `ids`). */
  private readonly roots: number[] = [];
  private readonly scratch = new Uint8Array(20);
  /** The tree being checked, while it is: its content and its entry. */
  private tree: Uint8Array = EMPTY;
  private treeEntry = -1;
  /** The first id the tree being checked names as another type than it was named or is. */
  private conflict: ClosureProblem | undefined;
  /** The ids the tree being checked told so far: where each lies, whether a tree, its entry. */
  private told = 0;
  private toldAt = new Int32Array(256);
  private toldIsTree = new Uint8Array(256);
  private toldEntry = new Int32Array(256);
  private readonly versions: TreeVersions;
  /** Told each entry of the tree being checked (made once: nothing is made per entry). */
  private readonly link = (idAt: number, isTree: boolean): void => {
    const linked = this.name(this.tree, idAt, isTree ? TREE : BLOB, this.treeEntry);
    if (this.told === this.toldAt.length) this.growTold();
    this.toldAt[this.told] = idAt;
    this.toldIsTree[this.told] = isTree ? 1 : 0;
    this.toldEntry[this.told++] = linked;
  };
  /** Told each id that differs from the earlier version's, by its number there. */
  private readonly relink = (version: CheckedTree, k: number): void => {
    const isTree = version.isTree[k] === 1;
    version.entries[k] = this.name(this.tree, version.idAts[k] as number, isTree ? TREE : BLOB, this.treeEntry);
    if (isTree) this.subtreesChanged = true;
  };
  private subtreesChanged = false;

  /** `keepTreesFrom`: the size from which trees are kept to check their next versions by difference. */
  constructor(keepTreesFrom = KEEP_TREES_FROM_BYTES) {
    this.versions = new TreeVersions(keepTreesFrom, KEEP_TREES_BYTES);
  }

  /** An object of the pack: checks it and the type it was named as, and records what it names. */
  add(oid: Oid, type: ObjectType, content: Uint8Array): void {
    const entry = this.ids.entry(idBytes(oid, this.scratch), 0);
    const bits = this.ids.value(entry);
    if ((bits & 7) !== 0) return; // the same object twice
    const own = typeBits(type);
    const named = bits >> NAMED_SHIFT;
    if (named !== 0 && named !== own) refuse({ kind: 'wrong-type', oid, expected: TYPES[named] as ObjectType, actual: type, from: oid });
    this.ids.setValue(entry, bits | own);
    if (type === 'tree') this.addTree(oid, entry, content);
    else if (type !== 'blob') {
      objectLinks(oid, type, content, (linked, linkedType) => {
        const below = this.name(idBytes(linked, this.scratch), 0, typeBits(linkedType), entry);
        if (linkedType === 'tree') this.roots.push(below);
      });
    }
  }

  /**
   * Once every object came: refuses trees nested too deep, and returns what the pack names but
   * does not hold, which the store must have.
   */
  finish(): Oid[] {
    this.checkDepth();
    const out: Oid[] = [];
    for (let entry = 0; entry < this.ids.size; entry++) if ((this.ids.value(entry) & 7) === 0) out.push(this.ids.oid(entry));
    return out;
  }

  /** Whether `oid` is in the pack. */
  has(oid: Oid): boolean {
    const entry = this.ids.find(idBytes(oid, this.scratch), 0);
    return entry >= 0 && this.holds(entry);
  }

  /**
   * Checks a tree's entries and names their ids in one pass. A tree that breaks git's rules is
   * refused as malformed even when an entry before the problem named an id as the wrong type
   * (that refusal waits for the pass to end).
   */
  private addTree(oid: Oid, entry: number, content: Uint8Array): void {
    this.tree = content;
    this.treeEntry = entry;
    this.conflict = undefined;
    this.told = 0;
    this.subtreesChanged = false;
    let reason: string | undefined;
    let version: CheckedTree | undefined;
    try {
      // A checked tree with only ids changed keeps git's rules as that one did: only its changed
      // ids are named again (the others were named as the same types); its sub-trees are the
      // earlier version's but for those that changed.
      version = this.versions.versionOf(content, this.relink);
      if (version === undefined) reason = findTreeProblem(content, this.link);
      else if (this.subtreesChanged) version.subtrees = subtreesOf(version.entries, version.isTree, version.entries.length);
    } finally {
      this.tree = EMPTY; // the content lies in a chunk the unpacker writes again once stored
    }
    if (reason !== undefined) refuse({ kind: 'malformed', oid, type: 'tree', reason });
    if (this.conflict !== undefined) refuse(this.conflict);
    const subtrees = version?.subtrees ?? subtreesOf(this.toldEntry, this.toldIsTree, this.told);
    if (subtrees.length > 0) this.subtrees.set(entry, subtrees);
    if (version === undefined && this.versions.keeps(content)) {
      this.versions.keep(content, this.toldAt.slice(0, this.told), this.toldIsTree.slice(0, this.told), this.toldEntry.slice(0, this.told), subtrees);
    }
  }

  private growTold(): void {
    const size = 2 * this.toldAt.length;
    const at = new Int32Array(size);
    at.set(this.toldAt);
    this.toldAt = at;
    const isTree = new Uint8Array(size);
    isTree.set(this.toldIsTree);
    this.toldIsTree = isTree;
    const entries = new Int32Array(size);
    entries.set(this.toldEntry);
    this.toldEntry = entries;
  }

  /**
   * The id at `bytes[at ..]` is named as a `type` by `from`: checked against what it was named
   * as, or is. A mismatch is refused at once, or, inside a tree, once the tree is checked (-1).
   */
  private name(bytes: Uint8Array, at: number, type: number, from: number): number {
    const entry = this.ids.entry(bytes, at);
    const bits = this.ids.value(entry);
    const named = bits >> NAMED_SHIFT;
    const actual = bits & 7;
    if (named === type) return entry;
    if (named !== 0 || (actual !== 0 && actual !== type)) {
      const expected = TYPES[type] as ObjectType;
      const problem: ClosureProblem = { kind: 'wrong-type', oid: this.ids.oid(entry), expected, actual: TYPES[named || actual] as ObjectType, from: this.ids.oid(from) };
      if (this.tree === EMPTY) refuse(problem);
      this.conflict ??= problem;
      return -1;
    }
    this.ids.setValue(entry, bits | (type << NAMED_SHIFT));
    return entry;
  }

  private holds(entry: number): boolean {
    return (this.ids.value(entry) & 7) !== 0;
  }

  /** Walks the pack's trees level by level from the roots; a tree met again deeper is walked again. */
  private checkDepth(): void {
    /** The deepest each tree was met at: a tree is queued once per depth. */
    const deepest = new Int32Array(this.ids.size);
    let level: number[] = [];
    for (const root of this.roots) {
      if (!this.holds(root) || deepest[root] !== 0) continue;
      deepest[root] = 1;
      level.push(root);
    }
    for (let depth = 1; level.length > 0; depth++) {
      const next: number[] = [];
      for (const tree of level) {
        if (depth > MAX_TREE_DEPTH) refuse({ kind: 'too-deep', oid: this.ids.oid(tree), limit: MAX_TREE_DEPTH });
        const below = this.subtrees.get(tree);
        if (below === undefined) continue;
        // Most of a pull's sub-tree links name trees stored before, not in the pack.
        for (let i = 0; i < below.length; i++) {
          const sub = below[i] as number;
          if (!this.holds(sub) || (deepest[sub] as number) > depth) continue;
          deepest[sub] = depth + 1;
          next.push(sub);
        }
      }
      level = next;
    }
  }
}

const NO_SUBTREES = new Int32Array(0);

/** The entries of the first `count` told ids that are trees. */
function subtreesOf(entries: Int32Array, isTree: Uint8Array, count: number): Int32Array {
  let trees = 0;
  for (let k = 0; k < count; k++) trees += isTree[k] as number;
  if (trees === 0) return NO_SUBTREES;
  const out = new Int32Array(trees);
  for (let k = 0, i = 0; k < count; k++) if (isTree[k] === 1) out[i++] = entries[k] as number;
  return out;
}
