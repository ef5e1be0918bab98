/** Any value JSON can hold. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object: the shape of every record file the store merges field by field. */
export type JsonObject = { [key: string]: Json };

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value of an own field of `object`, or `undefined` when it has none. Unlike `object[key]`
 * this never reaches the prototype, so keys like `toString` or `__proto__` are plain fields.
 */
export function getField(object: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own field of `object`; a `__proto__` key becomes a field, not a new prototype. */
export function setField(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The on-disk text of a record: pretty-printed with a 2-space indent, object keys sorted by
 * UTF-16 code unit at every depth, and a trailing newline. Equal values (in the sense of
 * {@link jsonEqual}) always give the same text, whatever their key order.
 *
 * @example
 * canonicalJson({ b: 1, a: [true] }); // '{\n  "a": [\n    true\n  ],\n  "b": 1\n}\n'
 */
export function canonicalJson(value: Json): string {
  return `${writeValue(value, '')}\n`;
}

function writeValue(value: Json | undefined, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) lines.push(inner + writeValue(item, inner));
    return lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n${indent}]`;
  }
  for (const key of Object.keys(value).sort()) {
    const field = value[key];
    if (field === undefined) continue;
    lines.push(`${inner}${JSON.stringify(key)}: ${writeValue(field, inner)}`);
  }
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The UTF-8 bytes of {@link canonicalJson}: what a record file holds. */
export function encodeJson(value: Json): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

/**
 * Reads a record file: strict UTF-8, then JSON. Returns `undefined`, never throws, when the
 * bytes are not valid UTF-8, not JSON, or JSON whose top level is not an object.
 */
export function parseJsonObject(bytes: Uint8Array): JsonObject | undefined {
  let value: Json;
  try {
    value = JSON.parse(strictDecoder.decode(bytes)) as Json;
  } catch {
    return undefined;
  }
  return isJsonObject(value) ? value : undefined;
}

/** Deep equality of two JSON values; object key order does not matter, array order does. */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}
