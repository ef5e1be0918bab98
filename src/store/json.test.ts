import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, encodeJson, getField, isJsonObject, jsonEqual, parseJsonObject, setField } from './json.ts';
import type { Json, JsonObject } from './json.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A deep copy of `value` whose object keys are inserted in reverse order. */
function reverseKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).reverse()) setField(out, key, reverseKeys(value[key] as Json));
  return out;
}

describe('canonicalJson', () => {
  it('pretty-prints with a 2-space indent, sorted keys and a trailing newline', () => {
    expect(canonicalJson({ b: 1, a: [true, null], c: { z: 'x', y: {} }, d: [] })).toBe(
      [
        '{',
        '  "a": [',
        '    true,',
        '    null',
        '  ],',
        '  "b": 1,',
        '  "c": {',
        '    "y": {},',
        '    "z": "x"',
        '  },',
        '  "d": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('prints scalars and empty containers on one line', () => {
    expect(canonicalJson(null)).toBe('null\n');
    expect(canonicalJson('a"b')).toBe('"a\\"b"\n');
    expect(canonicalJson(1.5)).toBe('1.5\n');
    expect(canonicalJson({})).toBe('{}\n');
    expect(canonicalJson([])).toBe('[]\n');
  });

  it('sorts integer-like keys as strings, by code unit', () => {
    const text = canonicalJson({ '10': 1, '9': 2, b: 3, B: 4, é: 5 });
    expect(text).toBe('{\n  "10": 1,\n  "9": 2,\n  "B": 4,\n  "b": 3,\n  "é": 5\n}\n');
  });

  it('keeps a __proto__ key as a field', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}}') as JsonObject;
    expect(canonicalJson(value)).toBe('{\n  "__proto__": {\n    "x": 1\n  }\n}\n');
  });

  it('is stable under key reordering and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (raw) => {
        const value = raw as Json;
        const text = canonicalJson(value);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
        expect(jsonEqual(JSON.parse(text) as Json, value)).toBe(true);
        expect(canonicalJson(JSON.parse(text) as Json)).toBe(text);
        expect(text.endsWith('\n')).toBe(true);
      }),
    );
  });
});

describe('encodeJson', () => {
  it('gives the UTF-8 bytes of canonicalJson', () => {
    expect(encodeJson({ name: 'café' })).toEqual(utf8('{\n  "name": "café"\n}\n'));
  });
});

describe('parseJsonObject', () => {
  it('reads an object', () => {
    expect(parseJsonObject(utf8('{"a": [1, {"b": null}]}'))).toEqual({ a: [1, { b: null }] });
  });

  it('reads back what encodeJson wrote', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), (raw) => {
        const value = raw as JsonObject;
        const parsed = parseJsonObject(encodeJson(value));
        expect(parsed !== undefined && jsonEqual(parsed, value)).toBe(true);
      }),
    );
  });

  it('returns undefined for arrays, primitives and invalid JSON', () => {
    for (const text of ['[1]', '1', '"x"', 'null', 'true', '', '{', '{"a":}', '{} x']) {
      expect(parseJsonObject(utf8(text))).toBeUndefined();
    }
  });

  it('returns undefined for invalid UTF-8', () => {
    expect(parseJsonObject(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toBeUndefined();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const parsed = parseJsonObject(bytes);
        expect(parsed === undefined || isJsonObject(parsed)).toBe(true);
      }),
    );
  });
});

describe('jsonEqual', () => {
  it('ignores key order but not array order', () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });

  it('tells apart types, missing keys and lengths', () => {
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1], [1, 1])).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual({ a: { b: [null] } }, { a: { b: [null] } })).toBe(true);
  });

  it('agrees with canonicalJson', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 }), (a, b) => {
        const left = a as Json;
        const right = b as Json;
        expect(jsonEqual(left, reverseKeys(left))).toBe(true);
        expect(jsonEqual(left, right)).toBe(canonicalJson(left) === canonicalJson(right));
      }),
    );
  });
});

describe('getField', () => {
  it('reads own fields only', () => {
    expect(getField({}, 'toString')).toBeUndefined();
    expect(getField({ toString: 1 }, 'toString')).toBe(1);
  });
});
