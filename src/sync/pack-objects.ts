import { decodeCommit, decodeTree, type CommitData, type GitObject, type ObjectType, type Oid, type TreeEntry } from '../store/index.ts';
import { ProtocolError } from './protocol/index.ts';

/** A fetched object with its id, as the connectivity check reads it. */
export type PackedObject = GitObject & { oid: Oid };

/** The object's content, which must be of `type`: a pack that names a blob as a tree is refused. */
export function contentOfType(object: PackedObject, type: ObjectType): Uint8Array {
  if (object.type !== type) throw new ProtocolError('pack', `it names ${object.oid} as a ${type}, but that object is a ${object.type}`);
  return object.content;
}

/** A pack tree's entries; a malformed tree is the server's fault, said as a ProtocolError. */
export function decodePackTree(object: PackedObject): TreeEntry[] {
  return decodeOrRefuse(object, 'tree', decodeTree);
}

/** A pack commit; a malformed commit is the server's fault, said as a ProtocolError. */
export function decodePackCommit(object: PackedObject): CommitData {
  return decodeOrRefuse(object, 'commit', decodeCommit);
}

function decodeOrRefuse<T>(object: PackedObject, type: ObjectType, decode: (content: Uint8Array) => T): T {
  const content = contentOfType(object, type);
  try {
    return decode(content);
  } catch (error) {
    throw new ProtocolError('pack', `its ${type} ${object.oid} is malformed (${error instanceof Error ? error.message : String(error)})`);
  }
}
