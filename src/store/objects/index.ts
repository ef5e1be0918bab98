/** Pure encoders and parsers of git's object formats; no I/O. */
export { bytesEqual, compareBytes, concatBytes, fromUtf8, utf8 } from './bytes.ts';
export { decodeCommit, encodeCommit, formatSignature, parseSignature } from './commit.ts';
export type { CommitData } from './commit.ts';
export { hashObject, hashRaw } from './hash.ts';
export type { HashedObject } from './hash.ts';
export { unwrapObject, wrapObject } from './object-format.ts';
export { FILE_MODE, decodeTree, encodeSortedTree, encodeTree, isTreeMode, sortTreeEntries, treeEntryKey } from './tree.ts';
export type { TreeEntry } from './tree.ts';
