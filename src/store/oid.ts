import { InvalidOidError } from './errors.ts';

declare const oidTag: unique symbol;

/** A git object id: 40 lowercase hex characters. Made only by {@link parseOid} or hashing. */
export type Oid = string & { readonly [oidTag]: true };

const OID_PATTERN = /^[0-9a-f]{40}$/;

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
