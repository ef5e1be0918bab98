import { InvalidObjectError } from '../errors.ts';
import { concatBytes, fromUtf8, utf8 } from './bytes.ts';

/** The four kinds of git object. */
export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

/** A raw git object: its type and content (without the loose-object header). */
export interface GitObject {
  type: ObjectType;
  content: Uint8Array;
}

const OBJECT_TYPES: ReadonlySet<string> = new Set(['blob', 'tree', 'commit', 'tag']);

/** True for the name of one of the four object types. */
export function isObjectType(value: string): value is ObjectType {
  return OBJECT_TYPES.has(value);
}

/** Git's loose-object form before compression: `"<type> <size>\0<content>"`. Its SHA-1 is the id. */
export function wrapObject(type: ObjectType, content: Uint8Array): Uint8Array {
  return concatBytes([utf8(`${type} ${content.length}\0`), content]);
}

/** Splits `"<type> <size>\0<content>"` back into type and content, checking the size. */
export function unwrapObject(raw: Uint8Array): GitObject {
  const nul = raw.indexOf(0);
  if (nul < 0 || nul > 32) throw new InvalidObjectError('git', 'no object header');
  const header = fromUtf8(raw.subarray(0, nul));
  const [, type = '', size = ''] = /^([a-z]+) (0|[1-9][0-9]*)$/.exec(header) ?? [];
  if (!isObjectType(type)) throw new InvalidObjectError('git', `bad header ${JSON.stringify(header)}`);
  const content = raw.subarray(nul + 1);
  if (content.length !== Number(size)) {
    throw new InvalidObjectError('git', `header says ${size} bytes, content has ${content.length}`);
  }
  return { type, content };
}
