import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, getField, isJsonObject, jsonEqual } from '../json.ts';
import type { Json, JsonObject } from '../json.ts';
import { CONFLICTS_KEY, mergeJsonObjects } from './json-merge.ts';
import type { FieldConflict } from './json-merge.ts';

// ---- arbitraries: small records whose fields collide often ----

const KEYS = ['a', 'b', 'c', 'd.e'] as const;
const key = fc.constantFrom(...KEYS);
const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom('x', 'y', 'a\\b'),
  fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
);

/** A JSON value whose objects nest at most `depth` levels. */
function valueOf(depth: number): fc.Arbitrary<Json> {
  return depth === 0 ? leaf : fc.oneof({ arbitrary: leaf, weight: 2 }, { arbitrary: objectOf(depth), weight: 1 });
}

/** An object of KEYS fields whose values nest at most `depth - 1` more levels. */
function objectOf(depth: number): fc.Arbitrary<JsonObject> {
  return fc.dictionary(key, valueOf(depth - 1), { maxKeys: KEYS.length }) as fc.Arbitrary<JsonObject>;
}

/** A side that edits `value`: keeps it, deletes it, replaces it, or edits inside it. */
function editOf(value: Json | undefined, depth: number): fc.Arbitrary<Json | undefined> {
  const choices: fc.WeightedArbitrary<Json | undefined>[] = [
    { arbitrary: fc.constant(value), weight: 4 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: valueOf(depth), weight: 2 },
  ];
  if (isJsonObject(value) && depth > 0) choices.push({ arbitrary: editObject(value, depth), weight: 3 });
  return fc.oneof(...choices);
}

function editObject(object: JsonObject, depth: number): fc.Arbitrary<JsonObject> {
  return fc.tuple(...KEYS.map((k) => editOf(getField(object, k), depth - 1))).map((values) => {
    const out: JsonObject = {};
    values.forEach((v, i) => {
      if (v !== undefined) out[KEYS[i] as string] = v;
    });
    return out;
  });
}

const DEPTH = 3;
const record = objectOf(DEPTH);
/** A base record and two sides: each an edit of the base or, now and then, unrelated. */
const threeWay = record.chain((base) => {
  const side = fc.oneof({ arbitrary: editObject(base, DEPTH), weight: 4 }, { arbitrary: record, weight: 1 });
  return fc.tuple(fc.constant(base), side, side);
});

// ---- helpers ----

function escapeKey(k: string): string {
  return k.replace(/[\\.]/g, (c) => `\\${c}`);
}

function fieldOf(path: readonly string[]): string {
  return path.map(escapeKey).join('.');
}

function lookup(value: Json | undefined, path: readonly string[]): Json | undefined {
  let at = value;
  for (const k of path) at = isJsonObject(at) ? getField(at, k) : undefined;
  return at;
}

/** Every scalar, array or empty object in `object`, with its path. */
function leaves(object: JsonObject, path: string[] = []): [string[], Json][] {
  return Object.entries(object).flatMap(([k, v]) =>
    isJsonObject(v) && Object.keys(v).length > 0 ? leaves(v, [...path, k]) : [[[...path, k], v] as [string[], Json]],
  );
}

/** True when `found` holds `value` (an empty object is held by any object). */
function holds(found: Json | undefined, value: Json): boolean {
  if (isJsonObject(value) && Object.keys(value).length === 0) return isJsonObject(found);
  return found !== undefined && jsonEqual(found, value);
}

function notes(merged: JsonObject): Json[] {
  const value = getField(merged, CONFLICTS_KEY);
  return Array.isArray(value) ? value : [];
}

// ---- properties ----

describe('mergeJsonObjects properties', () => {
  it('returns the other side exactly when one side is unchanged', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        expect(mergeJsonObjects(base, base, theirs)).toEqual({ merged: theirs, conflicts: [] });
        expect(mergeJsonObjects(base, ours, base)).toEqual({ merged: ours, conflicts: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on which side is ours', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        const one = mergeJsonObjects(base, ours, theirs);
        const other = mergeJsonObjects(base, theirs, ours);
        expect(canonicalJson(other.merged)).toBe(canonicalJson(one.merged));
        expect(other).toEqual(one);
      }),
      { numRuns: 500 },
    );
  });

  it('treats a missing base as an empty one', () => {
    fc.assert(
      fc.property(threeWay, ([, ours, theirs]) => {
        expect(mergeJsonObjects(undefined, ours, theirs)).toEqual(mergeJsonObjects({}, ours, theirs));
      }),
    );
  });

  it('loses nothing either side wrote', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        const { merged, conflicts } = mergeJsonObjects(base, ours, theirs);
        for (const side of [ours, theirs]) {
          for (const [path, value] of leaves(side)) {
            if (jsonEqual(lookup(base, path), value)) continue;
            if (holds(lookup(merged, path), value)) continue;
            const kept = conflicts.some((conflict) =>
              path.some((_, i) => {
                if (conflict.field !== fieldOf(path.slice(0, i + 1))) return false;
                const rest = path.slice(i + 1);
                return holds(lookup(conflict.kept, rest), value) || holds(lookup(conflict.discarded, rest), value);
              }),
            );
            expect(kept, `${fieldOf(path)} = ${JSON.stringify(value)}`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('records every new conflict in _conflicts, and holds each kept value', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        const { merged, conflicts } = mergeJsonObjects(base, ours, theirs);
        const written = notes(merged).map((note) => canonicalJson(note));
        for (const conflict of conflicts) {
          expect(written).toContain(canonicalJson(conflict as unknown as Json));
        }
        if (conflicts.length === 0) expect(Object.hasOwn(merged, CONFLICTS_KEY)).toBe(false);
      }),
    );
  });

  it('merges _conflicts notes symmetrically and keeps them sorted and unique', () => {
    const note = fc.constantFrom<Json>({ field: 'a', kept: 1, discarded: 2 }, { field: 'b', kept: 'x' }, { field: 'c', kept: null });
    const noteList = fc.option(fc.array(note, { maxLength: 3 }), { nil: undefined });
    const withNotes = (object: JsonObject, list: Json[] | undefined): JsonObject =>
      list === undefined ? object : { ...object, [CONFLICTS_KEY]: list };
    fc.assert(
      fc.property(threeWay, noteList, noteList, noteList, ([base, ours, theirs], nb, no, nt) => {
        const b = withNotes(base, nb);
        const o = withNotes(ours, no);
        const t = withNotes(theirs, nt);
        const one = mergeJsonObjects(b, o, t);
        expect(canonicalJson(mergeJsonObjects(b, t, o).merged)).toBe(canonicalJson(one.merged));
        const changed = !jsonEqual(nb, no) && !jsonEqual(nb, nt) && !jsonEqual(no, nt);
        if (one.conflicts.length > 0 || changed) {
          const texts = notes(one.merged).map((n) => canonicalJson(n));
          expect(texts).toEqual([...new Set(texts)].sort());
        }
      }),
    );
  });
});

// ---- examples, one per rule ----

describe('mergeJsonObjects rules', () => {
  it('takes a change made on one side only', () => {
    const { merged, conflicts } = mergeJsonObjects({ a: 1, b: 1 }, { a: 2, b: 1 }, { a: 1, b: 3 });
    expect(merged).toEqual({ a: 2, b: 3 });
    expect(conflicts).toEqual([]);
  });

  it('takes a deletion made on one side only', () => {
    expect(mergeJsonObjects({ a: 1, b: 1 }, { b: 1 }, { a: 1, b: 2 }).merged).toEqual({ b: 2 });
  });

  it('takes additions from both sides', () => {
    expect(mergeJsonObjects({}, { a: 1 }, { b: 2 })).toEqual({ merged: { a: 1, b: 2 }, conflicts: [] });
  });

  it('accepts the same change on both sides without a conflict', () => {
    expect(mergeJsonObjects({ a: 1 }, { a: [1, 2] }, { a: [1, 2] })).toEqual({ merged: { a: [1, 2] }, conflicts: [] });
    expect(mergeJsonObjects({ a: 1, b: 1 }, { b: 1 }, { b: 1 })).toEqual({ merged: { b: 1 }, conflicts: [] });
  });

  it('keeps the value whose canonical JSON sorts first when both sides changed a field', () => {
    const expected: FieldConflict = { field: 'title', kept: 'Buy milk', discarded: 'Buy oat milk' };
    for (const [ours, theirs] of [
      ['Buy milk', 'Buy oat milk'],
      ['Buy oat milk', 'Buy milk'],
    ] as const) {
      const { merged, conflicts } = mergeJsonObjects({ title: 'Buy' }, { title: ours }, { title: theirs });
      expect(conflicts).toEqual([expected]);
      expect(merged).toEqual({ title: 'Buy milk', [CONFLICTS_KEY]: [expected] });
    }
  });

  it('treats arrays and scalars as whole values', () => {
    const { merged, conflicts } = mergeJsonObjects({ tags: ['a'] }, { tags: ['a', 'b'] }, { tags: ['a', 'c'] });
    expect(merged.tags).toEqual(['a', 'b']);
    expect(conflicts).toEqual([{ field: 'tags', kept: ['a', 'b'], discarded: ['a', 'c'] }]);
  });

  it('keeps a change over a deletion and notes the deletion', () => {
    for (const [ours, theirs] of [
      [{}, { a: 5 }],
      [{ a: 5 }, {}],
    ] as JsonObject[][]) {
      const { merged, conflicts } = mergeJsonObjects({ a: 1 }, ours as JsonObject, theirs as JsonObject);
      expect(conflicts).toEqual([{ field: 'a', kept: 5 }]);
      expect(merged).toEqual({ a: 5, [CONFLICTS_KEY]: [{ field: 'a', kept: 5 }] });
    }
  });

  it('recurses into objects both sides changed', () => {
    const base = { note: { text: 'x', done: false } };
    const { merged, conflicts } = mergeJsonObjects(base, { note: { text: 'y', done: false } }, { note: { text: 'x', done: true } });
    expect(merged).toEqual({ note: { text: 'y', done: true } });
    expect(conflicts).toEqual([]);
  });

  it('recurses against an empty object when the base lacks the object or holds a non-object', () => {
    for (const base of [{}, { o: 7 }, { o: [1] }] as JsonObject[]) {
      const { merged, conflicts } = mergeJsonObjects(base, { o: { a: 1, b: 1 } }, { o: { a: 1, c: 2, b: 2 } });
      expect(merged).toEqual({ o: { a: 1, b: 1, c: 2 }, [CONFLICTS_KEY]: [{ field: 'o.b', kept: 1, discarded: 2 }] });
      expect(conflicts).toEqual([{ field: 'o.b', kept: 1, discarded: 2 }]);
    }
  });

  it('keeps a whole object changed on one side and deleted on the other', () => {
    const { merged, conflicts } = mergeJsonObjects({ o: { a: 1 } }, { o: { a: 2 } }, {});
    expect(merged.o).toEqual({ a: 2 });
    expect(conflicts).toEqual([{ field: 'o', kept: { a: 2 } }]);
  });

  it('escapes dots and backslashes in field paths', () => {
    const { conflicts } = mergeJsonObjects({}, { 'a.b': { 'c\\d': 1 } }, { 'a.b': { 'c\\d': 2 } });
    expect(conflicts).toEqual([{ field: 'a\\.b.c\\\\d', kept: 1, discarded: 2 }]);
  });

  it('merges against {} when the base is missing', () => {
    const { merged, conflicts } = mergeJsonObjects(undefined, { a: 1, b: 1 }, { a: 2, b: 1 });
    expect(merged).toEqual({ a: 1, b: 1, [CONFLICTS_KEY]: [{ field: 'a', kept: 1, discarded: 2 }] });
    expect(conflicts).toHaveLength(1);
  });

  it('treats prototype names as ordinary keys', () => {
    const theirs = JSON.parse('{"__proto__": {"x": 1}, "toString": 2}') as JsonObject;
    const { merged } = mergeJsonObjects({}, {}, theirs);
    expect(canonicalJson(merged)).toBe(canonicalJson(theirs));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  it('lists conflicts in field order', () => {
    const { conflicts } = mergeJsonObjects({}, { b: 1, a: 1, c: { z: 1, y: 1 } }, { b: 2, a: 2, c: { z: 2, y: 2 } });
    expect(conflicts.map((c) => c.field)).toEqual(['a', 'b', 'c.y', 'c.z']);
  });
});

describe('mergeJsonObjects _conflicts notes', () => {
  const n1 = { field: 'a', kept: 1, discarded: 2 };
  const n2 = { field: 'b', kept: 'x' };
  const n3 = { field: 'c', kept: null };

  it('adds no key when there are no conflicts and no notes', () => {
    expect(Object.hasOwn(mergeJsonObjects({ a: 1 }, { a: 2 }, { a: 1 }).merged, CONFLICTS_KEY)).toBe(false);
  });

  it('keeps notes either side added', () => {
    const { merged } = mergeJsonObjects({ _conflicts: [n1] }, { _conflicts: [n1, n3] }, { _conflicts: [n1, n2] });
    expect(merged[CONFLICTS_KEY]).toEqual([n1, n2, n3]);
  });

  it('drops a note that one side dismissed', () => {
    const { merged } = mergeJsonObjects({ _conflicts: [n1, n2] }, { _conflicts: [n2] }, { _conflicts: [n1, n2, n3] });
    expect(merged[CONFLICTS_KEY]).toEqual([n2, n3]);
  });

  it('drops the key when one side dismissed every note and the other left them alone', () => {
    const { merged } = mergeJsonObjects({ a: 1, _conflicts: [n1] }, { a: 1 }, { a: 2, _conflicts: [n1] });
    expect(merged).toEqual({ a: 2 });
  });

  it('drops dismissed notes even while adding new conflicts', () => {
    const { merged } = mergeJsonObjects({ a: 0, _conflicts: [n2] }, { a: 1 }, { a: 2, _conflicts: [n2] });
    expect(merged[CONFLICTS_KEY]).toEqual([n1]);
  });

  it('appends new conflicts, deduplicated and sorted by canonical JSON', () => {
    const { merged, conflicts } = mergeJsonObjects(
      { a: 0, _conflicts: [n3] },
      { a: 1, _conflicts: [n3, n1] },
      { a: 2, _conflicts: [n3, n2] },
    );
    expect(conflicts).toEqual([n1]);
    expect(merged[CONFLICTS_KEY]).toEqual([n1, n2, n3]);
  });

  it('takes the changed side as it is when the other side left the notes alone', () => {
    const { merged } = mergeJsonObjects({ _conflicts: [n1] }, { _conflicts: [n1] }, { _conflicts: [n3, n1, n3] });
    expect(merged[CONFLICTS_KEY]).toEqual([n3, n1, n3]);
  });

  it('is not treated as a field to merge by value', () => {
    const { merged, conflicts } = mergeJsonObjects({}, { _conflicts: [n1] }, { _conflicts: [n2] });
    expect(conflicts).toEqual([]);
    expect(merged[CONFLICTS_KEY]).toEqual([n1, n2]);
  });

  it('keeps a stray non-array value as one note', () => {
    const { merged } = mergeJsonObjects({}, { _conflicts: 'oops' }, { _conflicts: [n2] });
    expect(merged[CONFLICTS_KEY]).toEqual(['oops', n2].sort((x, y) => (canonicalJson(x) < canonicalJson(y) ? -1 : 1)));
  });

  it('merges nested _conflicts keys as ordinary fields', () => {
    const { conflicts } = mergeJsonObjects({}, { o: { _conflicts: [1] } }, { o: { _conflicts: [2] } });
    expect(conflicts).toEqual([{ field: 'o._conflicts', kept: [1], discarded: [2] }]);
  });
});
