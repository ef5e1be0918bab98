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

/** Where a loose form's header ends: its NUL is among the first bytes or there is no header. */
const MAX_HEADER_NUL = 32;
const NUL = 0;
const SPACE = 0x20;

/**
 * Reads the header of a loose form, `"<type> <size>\0"`, byte by byte: the type's name (any
 * lowercase word), the size it declares and where the content starts; undefined when `raw` does
 * not start with such a header (its NUL within the first 33 bytes, a size without leading zeros).
 */
export function readObjectHeader(raw: Uint8Array): { type: string; size: number; contentStart: number } | undefined {
  let space = -1;
  let size = 0;
  for (let i = 0; i <= MAX_HEADER_NUL && i < raw.length; i++) {
    const byte = raw[i] as number;
    if (space < 0) {
      if (byte === SPACE && i > 0) space = i;
      else if (byte < 0x61 || byte > 0x7a) return undefined;
    } else if (byte === NUL) {
      if (i === space + 1) return undefined;
      return { type: String.fromCharCode(...raw.subarray(0, space)), size, contentStart: i + 1 };
    } else {
      const digit = byte - 0x30;
      // A decimal size, a leading zero only as the whole size ("0").
      if (digit < 0 || digit > 9 || (i > space + 1 && raw[space + 1] === 0x30)) return undefined;
      size = size * 10 + digit;
    }
  }
  return undefined;
}

/** Splits `"<type> <size>\0<content>"` back into type and content, checking the size. */
export function unwrapObject(raw: Uint8Array): GitObject {
  const header = readObjectHeader(raw);
  if (!header) {
    const nul = raw.indexOf(0);
    if (nul < 0 || nul > MAX_HEADER_NUL) throw new InvalidObjectError('git', 'no object header');
    throw new InvalidObjectError('git', `bad header ${JSON.stringify(fromUtf8(raw.subarray(0, nul)))}`);
  }
  const { type, size, contentStart } = header;
  if (!isObjectType(type)) throw new InvalidObjectError('git', `bad header ${JSON.stringify(fromUtf8(raw.subarray(0, contentStart - 1)))}`);
  const content = raw.subarray(contentStart);
  if (content.length !== size) {
    throw new InvalidObjectError('git', `header says ${size} bytes, content has ${content.length}`);
  }
  return { type, content };
}
