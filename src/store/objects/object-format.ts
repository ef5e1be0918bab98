import { InvalidObjectError } from '../errors.ts';
import type { GitObject, ObjectType } from '../types.ts';
import { concatBytes, fromUtf8, utf8 } from './bytes.ts';

const OBJECT_TYPES: ReadonlySet<string> = new Set(['blob', 'tree', 'commit', 'tag']);

/** Git's loose-object form before compression: `"<type> <size>\0<content>"`. Its SHA-1 is the id. */
export function wrapObject(type: ObjectType, content: Uint8Array): Uint8Array {
  return concatBytes([utf8(`${type} ${content.length}\0`), content]);
}

/** Splits `"<type> <size>\0<content>"` back into type and content, checking the size. */
export function unwrapObject(raw: Uint8Array): GitObject {
  const nul = raw.indexOf(0);
  if (nul < 0 || nul > 32) throw new InvalidObjectError('git', 'no object header');
  const header = fromUtf8(raw.subarray(0, nul));
  const match = /^([a-z]+) (0|[1-9][0-9]*)$/.exec(header);
  if (!match || !OBJECT_TYPES.has(match[1] as string)) {
    throw new InvalidObjectError('git', `bad header ${JSON.stringify(header)}`);
  }
  const content = raw.subarray(nul + 1);
  if (content.length !== Number(match[2])) {
    throw new InvalidObjectError('git', `header says ${match[2]} bytes, content has ${content.length}`);
  }
  return { type: match[1] as ObjectType, content };
}
