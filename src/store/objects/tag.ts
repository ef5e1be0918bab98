import { InvalidObjectError } from '../errors.ts';
import { isOid, type Oid } from '../oid.ts';
import { isObjectType, type ObjectType } from './object-format.ts';

/** What an annotated tag points to: the object and the type the tag says it has. */
export interface TagTarget {
  oid: Oid;
  type: ObjectType;
}

const TAG_HEAD = /^object ([0-9a-f]{40})\ntype (commit|tree|blob|tag)\n/;
/** `object <40 hex>\ntype <longest type name>\n`: all the bytes the two lines can take. */
const TAG_HEAD_BYTES = 7 + 40 + 1 + 5 + 6 + 1;

/**
 * The target of an annotated tag, from its first two header lines (`object <id>`, `type <type>`),
 * as git requires them. Throws InvalidObjectError when they are not there.
 */
export function decodeTagTarget(content: Uint8Array): TagTarget {
  const head = String.fromCharCode(...content.subarray(0, TAG_HEAD_BYTES));
  const match = TAG_HEAD.exec(head);
  const [, oid = '', type = ''] = match ?? [];
  if (!isOid(oid) || !isObjectType(type)) throw new InvalidObjectError('tag', 'no "object" and "type" header lines');
  return { oid, type };
}
