import { decodeCommit, decodeTree, FILE_MODE, isOid, isTreeMode, type GitObject, type ObjectType, type Oid } from '../../store/index.ts';
import { BundleError } from './bundle-error.ts';

/** An object another one points to, and the type it must have. */
export interface ObjectLink {
  oid: Oid;
  type: ObjectType;
}

const TAG_HEADER = /^object ([0-9a-f]{40})\ntype (commit|tree|blob|tag)\n/;

/**
 * What `object` points to: a commit's tree and parents, a tree's entries (submodules
 * excepted, as git does), a tag's object. A commit, tree or tag that cannot be decoded is a
 * BundleError (`corrupt`) naming it.
 */
export function listObjectLinks(oid: Oid, object: GitObject): ObjectLink[] {
  try {
    switch (object.type) {
      case 'commit': {
        const commit = decodeCommit(object.content);
        return [{ oid: commit.tree, type: 'tree' }, ...commit.parents.map((parent) => ({ oid: parent, type: 'commit' as const }))];
      }
      case 'tree':
        return decodeTree(object.content)
          .filter((entry) => entry.mode !== FILE_MODE.gitlink)
          .map((entry) => ({ oid: entry.oid, type: isTreeMode(entry.mode) ? 'tree' : 'blob' }));
      case 'tag':
        return [readTagTarget(object.content)];
      case 'blob':
        return [];
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BundleError('corrupt', `its ${object.type} ${oid} cannot be read (${reason})`, { cause: error });
  }
}

/** The object an annotated tag points to, from its first two header lines. */
export function readTagTarget(content: Uint8Array): ObjectLink {
  const match = TAG_HEADER.exec(new TextDecoder().decode(content.subarray(0, 128)));
  if (!match || !isOid(match[1] ?? '')) throw new Error('no "object" and "type" lines');
  return { oid: match[1] as Oid, type: match[2] as ObjectType };
}
