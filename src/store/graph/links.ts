import {
  FILE_MODE,
  decodeCommit,
  decodeTagTarget,
  decodeTree,
  isTreeMode,
  type CommitData,
  type GitObject,
  type ObjectType,
  type TreeEntry,
} from '../objects/index.ts';
import type { Oid } from '../oid.ts';

/** An object another one points to, and the type it must have. */
export interface ObjectLink {
  oid: Oid;
  type: ObjectType;
}

/** A commit's links: its tree, then its parents. */
export function commitLinks(commit: CommitData): ObjectLink[] {
  return [{ oid: commit.tree, type: 'tree' }, ...commit.parents.map((oid) => ({ oid, type: 'commit' as const }))];
}

/** A tree's links: each entry, a sub-tree as a tree and anything else as a blob; submodules (gitlinks) excepted, as git does. */
function treeLinks(entries: readonly TreeEntry[]): ObjectLink[] {
  const links: ObjectLink[] = [];
  forEachTreeLink(entries, (oid, type) => links.push({ oid, type }));
  return links;
}

/** {@link treeLinks} one by one, listing nothing: for walks of trees with hundreds of entries. */
export function forEachTreeLink(entries: readonly TreeEntry[], visit: (oid: Oid, type: 'tree' | 'blob') => void): void {
  for (const { mode, oid } of entries) if (mode !== FILE_MODE.gitlink) visit(oid, isTreeMode(mode) ? 'tree' : 'blob');
}

/**
 * What an object points to: a commit's tree and parents, a tree's entries, an annotated tag's
 * object; a blob nothing. Throws InvalidObjectError when a commit, tree or tag cannot be decoded.
 */
export function listLinks(object: GitObject): ObjectLink[] {
  switch (object.type) {
    case 'commit':
      return commitLinks(decodeCommit(object.content));
    case 'tree':
      return treeLinks(decodeTree(object.content));
    case 'tag':
      return [decodeTagTarget(object.content)];
    case 'blob':
      return [];
  }
}
