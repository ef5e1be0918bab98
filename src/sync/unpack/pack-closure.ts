import { findTreeProblem, MAX_TREE_DEPTH, type ClosureProblem, type ObjectType, type Oid } from '../../store/index.ts';
import { describeClosureProblem } from '../describe-closure.ts';
import { ProtocolError } from '../protocol/index.ts';
import { idBytes, IdTable } from './id-table.ts';
import { objectLinks } from './object-links.ts';

const COMMIT = 1;
const TREE = 2;
const BLOB = 3;
const TAG = 4;
const TYPES: ReadonlyArray<ObjectType | undefined> = [undefined, 'commit', 'tree', 'blob', 'tag'];
/** Low 3 bits: the type of the object in the pack (0: not in it). Next 3: the type something named it as. */
const NAMED_SHIFT = 3;
/** No tree being checked. */
const EMPTY = new Uint8Array(0);

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
  /** Each pack tree's sub-trees, and the root trees of the pack's commits and tags (entries of `ids`). */
  private readonly subtrees = new Map<number, number[]>();
  private readonly roots: number[] = [];
  private readonly scratch = new Uint8Array(20);
  /** The tree being checked, while it is: its content, its entry, its sub-trees so far. */
  private tree: Uint8Array = EMPTY;
  private treeEntry = -1;
  private below: number[] | undefined;
  /** The first id the tree being checked names as another type than it was named or is. */
  private conflict: ClosureProblem | undefined;
  /** Told each entry of the tree being checked (made once: nothing is made per entry). */
  private readonly link = (idAt: number, isTree: boolean): void => {
    const linked = this.name(this.tree, idAt, isTree ? TREE : BLOB, this.treeEntry);
    if (isTree && linked >= 0) (this.below ??= []).push(linked);
  };

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
    this.below = undefined;
    this.conflict = undefined;
    let reason: string | undefined;
    try {
      reason = findTreeProblem(content, this.link);
    } finally {
      this.tree = EMPTY; // the content lies in a chunk the unpacker writes again once stored
    }
    if (reason !== undefined) refuse({ kind: 'malformed', oid, type: 'tree', reason });
    if (this.conflict !== undefined) refuse(this.conflict);
    if (this.below !== undefined) this.subtrees.set(entry, this.below);
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
    const deepest = new Map<number, number>();
    let level = this.roots.filter((root) => this.holds(root));
    for (let depth = 1; level.length > 0; depth++) {
      const next: number[] = [];
      for (const tree of level) {
        if ((deepest.get(tree) ?? 0) >= depth) continue;
        if (depth > MAX_TREE_DEPTH) refuse({ kind: 'too-deep', oid: this.ids.oid(tree), limit: MAX_TREE_DEPTH });
        deepest.set(tree, depth);
        for (const below of this.subtrees.get(tree) ?? []) if (this.holds(below)) next.push(below);
      }
      level = next;
    }
  }
}
