/** Three-way merge: merge bases, trees, and the default per-file rules. */
export { findMergeBases, isAncestor } from './merge-base.ts';
export { CONFLICTS_KEY, mergeJsonObjects } from './json-merge.ts';
export type { FieldConflict } from './json-merge.ts';
export { mergeTrees } from './merge-trees.ts';
export type { TreeMergeResult } from './merge-trees.ts';
