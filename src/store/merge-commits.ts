import { findMergeBases, mergeTrees } from './merge/index.ts';
import { EMPTY_TREE } from './objects/index.ts';
import type { Staging } from './staging.ts';
import type { Oid } from './oid.ts';
import type { MergeFn } from './types.ts';

/**
 * The tree to use as the base when merging commits `a` and `b`: the tree of their merge base,
 * or, when criss-cross merges left several, the merge of those bases (git's "recursive"
 * strategy), so changes already merged on both sides are not seen as conflicts again.
 */
export async function mergeBaseTree(staging: Staging, a: Oid, b: Oid, merge: MergeFn | undefined): Promise<Oid> {
  const bases = await findMergeBases(staging, a, b);
  const [first, ...rest] = bases;
  if (first === undefined) return EMPTY_TREE;
  let tree = (await staging.readCommit(first)).tree;
  let commit = first;
  for (const next of rest) {
    const virtualBase = await mergeBaseTree(staging, commit, next, merge);
    const merged = await mergeTrees(staging, virtualBase, tree, (await staging.readCommit(next)).tree, merge);
    tree = merged.tree ?? EMPTY_TREE;
    commit = next;
  }
  return tree;
}
