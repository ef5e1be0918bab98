import { findTreeProblem, MAX_TREE_DEPTH, type ClosureProblem, type ObjectType, type Oid } from '../../store/index.ts';
import { describeClosureProblem } from '../describe-closure.ts';
import { ProtocolError } from '../protocol/index.ts';
import { objectLinks } from './object-links.ts';

const TYPE_BITS: Record<ObjectType, number> = { commit: 1, tree: 2, blob: 3, tag: 4 };
const TYPES: ReadonlyArray<ObjectType | undefined> = [undefined, 'commit', 'tree', 'blob', 'tag'];
/** Low 3 bits: the type of the object in the pack (0: not in it). Next 3: the type something named it as. */
const NAMED_SHIFT = 3;

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
 */
export class PackClosure {
  private readonly ids = new Map<Oid, number>();
  /** Each pack tree's sub-trees, and the root trees of the pack's commits and tags. */
  private readonly subtrees = new Map<Oid, Oid[]>();
  private readonly roots: Oid[] = [];

  /** An object of the pack: checks it and the type it was named as, and records what it names. */
  add(oid: Oid, type: ObjectType, content: Uint8Array): void {
    const bits = this.ids.get(oid) ?? 0;
    if ((bits & 7) !== 0) return; // the same object twice
    this.check(oid, type, bits >> NAMED_SHIFT);
    this.ids.set(oid, bits | TYPE_BITS[type]);
    if (type === 'tree') {
      const reason = findTreeProblem(content);
      if (reason !== undefined) refuse({ kind: 'malformed', oid, type, reason });
    }
    const below: Oid[] = [];
    objectLinks(oid, type, content, (linked, linkedType) => {
      this.name(linked, linkedType, oid);
      if (linkedType !== 'tree') return;
      if (type === 'tree') below.push(linked);
      else this.roots.push(linked);
    });
    if (below.length > 0) this.subtrees.set(oid, below);
  }

  /**
   * Once every object came: refuses trees nested too deep, and returns what the pack names but
   * does not hold, which the store must have.
   */
  finish(): Oid[] {
    this.checkDepth();
    const out: Oid[] = [];
    for (const [oid, bits] of this.ids) if ((bits & 7) === 0) out.push(oid);
    return out;
  }

  /** Whether `oid` is in the pack. */
  has(oid: Oid): boolean {
    return ((this.ids.get(oid) ?? 0) & 7) !== 0;
  }

  private name(oid: Oid, type: ObjectType, from: Oid): void {
    const bits = this.ids.get(oid) ?? 0;
    const named = bits >> NAMED_SHIFT;
    if (named !== 0) {
      if (named !== TYPE_BITS[type]) refuse({ kind: 'wrong-type', oid, expected: type, actual: TYPES[named] as ObjectType, from });
      return;
    }
    const actual = TYPES[bits & 7];
    if (actual !== undefined && actual !== type) refuse({ kind: 'wrong-type', oid, expected: type, actual, from });
    this.ids.set(oid, bits | (TYPE_BITS[type] << NAMED_SHIFT));
  }

  private check(oid: Oid, actual: ObjectType, named: number): void {
    const expected = TYPES[named];
    if (expected !== undefined && expected !== actual) refuse({ kind: 'wrong-type', oid, expected, actual, from: oid });
  }

  /** Walks the pack's trees level by level from the roots; a tree met again deeper is walked again. */
  private checkDepth(): void {
    const deepest = new Map<Oid, number>();
    let level = this.roots.filter((root) => this.has(root));
    for (let depth = 1; level.length > 0; depth++) {
      const next: Oid[] = [];
      for (const tree of level) {
        if ((deepest.get(tree) ?? 0) >= depth) continue;
        if (depth > MAX_TREE_DEPTH) refuse({ kind: 'too-deep', oid: tree, limit: MAX_TREE_DEPTH });
        deepest.set(tree, depth);
        for (const below of this.subtrees.get(tree) ?? []) if (this.has(below)) next.push(below);
      }
      level = next;
    }
  }
}
