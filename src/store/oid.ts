import { InvalidOidError } from './errors.ts';

declare const oidTag: unique symbol;

/**
 * A git object id: 40 lowercase hex characters. Made only here: by {@link parseOid} from text,
 * or by {@link oidFromBytes} from the 20 bytes a tree or a hash holds.
 */
export type Oid = string & { readonly [oidTag]: true };

const OID_PATTERN = /^[0-9a-f]{40}$/;

/** The length of an id in binary form, as trees and packs hold it. */
export const OID_BYTES = 20;

/** True when `value` is a well-formed object id. */
export function isOid(value: string): value is Oid {
  return OID_PATTERN.test(value);
}

/** Checks and brands an object id; upper case is folded to lower. Throws InvalidOidError. */
export function parseOid(value: string): Oid {
  const lower = value.toLowerCase();
  if (!isOid(lower)) throw new InvalidOidError(value);
  return lower;
}

/** Writes `oid` in binary (20 bytes) into `out` at `at`. */
export function writeOidBytes(oid: Oid, out: Uint8Array, at: number): void {
  for (let c = 0; c < 40; c += 2) out[at++] = (hexValue(oid.charCodeAt(c)) << 4) | hexValue(oid.charCodeAt(c + 1));
}

function hexValue(code: number): number {
  return code <= 0x39 ? code - 0x30 : code - 0x57; // '0'-'9', 'a'-'f' (ids are lowercase)
}

const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const hexCodes = new Array<number>(2 * OID_BYTES);

/** The id held in binary at `bytes[offset..offset+20]`: a tree entry's, a ref delta's base, a hash. */
export function oidFromBytes(bytes: Uint8Array, offset = 0): Oid {
  if (offset < 0 || offset + OID_BYTES > bytes.length) throw new InvalidOidError(`${bytes.length - offset} bytes at offset ${offset}`);
  for (let i = 0; i < OID_BYTES; i++) {
    const byte = bytes[offset + i] as number;
    hexCodes[2 * i] = HEX_DIGITS[byte >> 4] as number;
    hexCodes[2 * i + 1] = HEX_DIGITS[byte & 15] as number;
  }
  // One flat string, not hex joined piece by piece: ids are map keys and compared all the time,
  // and V8 walks a joined string's pieces again on each. Hex of 20 bytes is a well-formed id.
  return String.fromCharCode(...hexCodes) as Oid;
}
