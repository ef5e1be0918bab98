/** Pure encoders and parsers of git's object formats; no I/O. */
export { concatBytes, fromUtf8, utf8 } from './bytes.ts';
export { decodeCommit, encodeCommit } from './commit.ts';
export type { CommitData, Signature } from './commit.ts';
export { hashObject, hashRaw, hashRawAsync } from './hash.ts';
export type { HashedObject } from './hash.ts';
export { readObjectHeader, unwrapObject, wrapObject } from './object-format.ts';
export type { GitObject, ObjectType } from './object-format.ts';
export { decodeTagTarget } from './tag.ts';
export type { TagTarget } from './tag.ts';
export { EMPTY_TREE, FILE_MODE, decodeTree, encodeSortedTreeRaw, encodeTree, isTreeMode, sortTreeEntries, treeEntryKey } from './tree.ts';
export type { TreeEntry } from './tree.ts';
export { GITLINK_MODE_BYTES, hasModeBytes, isTreeSpan, rangesEqual, scanTreeEntry } from './tree-bytes.ts';
export type { EntrySpan } from './tree-bytes.ts';
export { findTreeProblem } from './tree-check.ts';
