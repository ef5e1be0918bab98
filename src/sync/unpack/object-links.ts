import { decodeCommit, type ObjectType, type Oid } from '../../store/index.ts';
import { ProtocolError } from '../protocol/errors.ts'; // not the index, which pulls pako's deflate into the unpack worker

/**
 * The objects a fetched commit or tag names, each with the type it must be: a commit's tree and
 * parents, a tag's target (a tree's are told by `findTreeProblem` as it checks the tree).
 */
export function objectLinks(oid: Oid, type: 'commit' | 'tag', content: Uint8Array, into: (oid: Oid, type: ObjectType) => void): void {
  if (type === 'commit') {
    const commit = decodeOrRefuse(oid, type, () => decodeCommit(content));
    into(commit.tree, 'tree');
    for (const parent of commit.parents) into(parent, 'commit');
  } else {
    const header = new TextDecoder().decode(content.subarray(0, 200));
    const match = /^object ([0-9a-f]{40})\ntype (blob|tree|commit|tag)\n/.exec(header);
    if (!match) throw new ProtocolError('pack', `its tag ${oid} has no object and type lines`);
    into(match[1] as Oid, match[2] as ObjectType);
  }
}

function decodeOrRefuse<T>(oid: Oid, type: ObjectType, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw new ProtocolError('pack', `its ${type} ${oid} is malformed (${error instanceof Error ? error.message : String(error)})`);
  }
}
