import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, createMemoryBackend, encodeJson, openRepo, parseJsonObject, type Json, type JsonObject } from '../store/index.ts';
import { encodeRecord } from './encode-record.ts';
import { DESCRIPTION_SEPARATOR, KEPT_OVER_DELETION_NOTE, addConflictNotes, mergeRecordFile } from './merge-records.ts';
import { recordPath } from './paths.ts';
import type { ActionRecord, AnyRecord, ConflictNote, ProjectRecord } from './types.ts';
import { isMalformed, parseRecord } from './validate-record.ts';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const PATH = recordPath('action', ID);

// ---- arbitraries: valid actions and projects whose fields collide often ----

const LINKS = ['aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002'];
const DAYS = ['2024-01-01', '2024-02-02'];
const TIMES = ['2024-01-01T09:00:00.000Z', '2024-01-02T09:00:00.000Z'];
const NOTES: ConflictNote[][] = [
  [],
  [{ field: 'name', kept: 'Buy milk', discarded: 'Call bank' }],
  [{ field: 'starred', kept: true, note: 'Both devices changed “starred”: kept “true”.' }],
];

const common = {
  id: fc.constant(ID),
  name: fc.constantFrom('Call bank', 'Buy milk'),
  created: fc.constantFrom(...TIMES),
  description: fc.constantFrom('x', 'y', 'two\nlines'),
  starred: fc.boolean(),
  parent: fc.constantFrom(...LINKS),
  contact: fc.constantFrom(...LINKS),
  completed: fc.constantFrom(...TIMES),
  _conflicts: fc.constantFrom(...NOTES),
};
const REQUIRED = ['kind', 'id', 'name', 'created', 'state'] as const;

/**
 * An action as the commands leave it: a day only when scheduled (and always then), a contact
 * when waiting for one, `completed` only when done, and never done while repeating.
 */
function consistent(record: Rec): Rec {
  if (record.kind === 'project') {
    const { completed, ...rest } = record;
    return record.state === 'done' && completed !== undefined ? { ...rest, completed } : rest;
  }
  const { waitUntil, completed, repeat, contact, ...rest } = record;
  const state = record.state === 'done' && repeat !== undefined ? 'next' : record.state;
  return {
    ...rest,
    state,
    ...(state === 'scheduled' ? { waitUntil: waitUntil ?? (DAYS[0] as string) } : {}),
    ...(state === 'done' && completed !== undefined ? { completed } : {}),
    ...(repeat === undefined ? {} : { repeat }),
    ...(contact !== undefined || state === 'waiting-for-contact' ? { contact: contact ?? (LINKS[0] as string) } : {}),
  };
}

const action: fc.Arbitrary<ActionRecord> = fc.record(
  {
    ...common,
    kind: fc.constant('action' as const),
    state: fc.constantFrom('inbox', 'next', 'waiting', 'waiting-for-contact', 'scheduled', 'future', 'done'),
    context: fc.constantFrom(...LINKS),
    waitUntil: fc.constantFrom(...DAYS),
    repeat: fc.record(
      { every: fc.constantFrom(1, 2), unit: fc.constantFrom('day', 'week'), from: fc.constantFrom(...DAYS), afterDone: fc.constant(true) },
      { requiredKeys: ['every', 'unit', 'from'] },
    ),
  },
  { requiredKeys: [...REQUIRED] },
).map((record) => consistent(record as ActionRecord) as ActionRecord);

const project: fc.Arbitrary<ProjectRecord> = fc.record(
  { ...common, kind: fc.constant('project' as const), state: fc.constantFrom('active', 'someday', 'done') },
  { requiredKeys: [...REQUIRED] },
).map((record) => consistent(record as ProjectRecord) as ProjectRecord);

type Rec = ActionRecord | ProjectRecord;
const record: fc.Arbitrary<Rec> = fc.oneof(action, project);

const FIELDS = ['name', 'created', 'description', 'starred', 'parent', 'contact', 'completed', '_conflicts', 'context', 'waitUntil', 'repeat'];
const ACTION_ONLY = ['context', 'waitUntil', 'repeat'];

/** A side's edit of `base`: some fields (kind and state together) taken from another record. */
function editOf(base: Rec): fc.Arbitrary<Rec> {
  return fc.tuple(record, fc.subarray(['kind', ...FIELDS])).map(([fresh, picked]) => {
    const from = (field: string): Record<string, unknown> => (picked.includes(field) ? fresh : base) as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = { id: ID, kind: from('kind').kind, state: from('kind').state };
    for (const field of FIELDS) if (from(field)[field] !== undefined) out[field] = from(field)[field];
    if (out.kind === 'project') for (const field of ACTION_ONLY) delete out[field];
    return consistent(out as unknown as Rec);
  });
}

/** One side of a merge over `base`: unchanged, edited, replaced, or deleted. */
function sideOf(base: Rec | undefined): fc.Arbitrary<Rec | undefined> {
  if (base === undefined) return fc.oneof({ arbitrary: record, weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 });
  return fc.oneof(
    { arbitrary: fc.constant(base), weight: 2 },
    { arbitrary: editOf(base), weight: 6 },
    { arbitrary: record, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

const threeWay = fc
  .option(record, { nil: undefined, freq: 6 })
  .chain((base) => fc.tuple(fc.constant(base), sideOf(base), sideOf(base)));

// ---- helpers ----

const bytesOf = (r: Rec | AnyRecord | undefined): Uint8Array | undefined => (r === undefined ? undefined : encodeRecord(r));

function mergeBytes(base: AnyRecord | undefined, ours: AnyRecord | undefined, theirs: AnyRecord | undefined, path = PATH) {
  return mergeRecordFile({ path, base: bytesOf(base), ours: bytesOf(ours), theirs: bytesOf(theirs) });
}

/** Merges and reads the result back as an object (`undefined`: the record is deleted). */
function merge(base: AnyRecord | undefined, ours: AnyRecord | undefined, theirs: AnyRecord | undefined): JsonObject | undefined {
  const result = mergeBytes(base, ours, theirs);
  if (!result) throw new Error('mergeRecordFile declined a record');
  return result.data && parseJsonObject(result.data);
}

const equal = (a: Json | undefined, b: Json | undefined): boolean =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);

function at(value: Json | undefined, path: readonly string[]): Json | undefined {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || Array.isArray(here) || !Object.hasOwn(here, key)) return undefined;
    here = here[key];
  }
  return here;
}

/** Every leaf of `value` (scalars and arrays; objects are walked into) with its path. */
function leaves(value: Json, path: string[]): Array<[string[], Json]> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
  }
  return [[path, value]];
}

/** True when a state note's words ("scheduled until 2024-01-01", "waiting") hold a side's `state` or `waitUntil`. */
function inScheduleWords(key: string, leaf: Json, words: Json | undefined): boolean {
  if (typeof words !== 'string') return false;
  if (key === 'waitUntil') return words === `scheduled until ${String(leaf)}`;
  return key === 'state' && (words === leaf || words.startsWith(`${String(leaf)} until `));
}

const action1: ActionRecord = {
  kind: 'action',
  id: ID,
  name: 'Call bank',
  created: TIMES[0] as string,
  state: 'next',
  description: 'Ask about the fee.',
};

// ---- examples ----

describe('mergeRecordFile', () => {
  it('leaves other paths and non-object files to the store default', () => {
    const data = encodeRecord(action1);
    for (const path of ['comments/page/x.json', 'notes.txt', 'items/3f/x.txt', 'contacts/a/b.json', 'README.md']) {
      expect(mergeRecordFile({ path, base: data, ours: data, theirs: data })).toBeUndefined();
    }
    const text = new TextEncoder().encode('not json');
    expect(mergeRecordFile({ path: PATH, base: data, ours: text, theirs: data })).toBeUndefined();
    expect(mergeRecordFile({ path: PATH, base: text, ours: data, theirs: data })).toBeUndefined();
    expect(mergeRecordFile({ path: PATH, base: data, ours: undefined, theirs: encodeJson([1]) })).toBeUndefined();
    expect(mergeRecordFile({ path: 'contacts/x.json', base: undefined, ours: data, theirs: data })).toBeDefined();
  });

  it('takes a change made on one side as it is, and changes to different fields from both', () => {
    const ours = { ...action1, name: 'Call the bank' };
    const theirs = { ...action1, state: 'done' as const, starred: true };
    const result = mergeBytes(action1, ours, theirs);
    expect(result?.conflicted).toBe(false);
    expect(result?.data).toEqual(encodeRecord({ ...action1, name: 'Call the bank', state: 'done', starred: true }));
  });

  it('keeps the value that sorts first when both change a field, and names the other in words', () => {
    const merged = merge(action1, { ...action1, state: 'done' }, { ...action1, state: 'waiting' });
    expect(merged?.state).toBe('done');
    expect(merged?._conflicts).toEqual([
      { field: 'state', kept: 'done', discarded: 'waiting', note: 'Both devices changed “state”: kept “done”, discarded “waiting”.' },
    ]);
  });

  it('notes a field one side removed and the other changed', () => {
    const alice = LINKS[0] as string;
    const bob = LINKS[1] as string;
    const merged = merge({ ...action1, contact: alice }, { ...action1 }, { ...action1, contact: bob });
    expect(merged?.contact).toBe(bob);
    expect(merged?._conflicts).toEqual([{ field: 'contact', kept: bob, note: `One device removed “contact” and the other changed it: kept “${bob}”.` }]);
  });

  it('merges nested fields and names them by their dotted path', () => {
    const repeat = { every: 1, unit: 'day' as const, from: '2024-01-01' };
    const merged = merge({ ...action1, repeat }, { ...action1, repeat: { ...repeat, from: '2024-03-01' } }, { ...action1, repeat: { ...repeat, from: '2024-02-02' } });
    expect(merged?.repeat).toEqual({ every: 1, unit: 'day', from: '2024-02-02' });
    expect(merged?._conflicts).toEqual([
      { field: 'repeat.from', kept: '2024-02-02', discarded: '2024-03-01', note: 'Both devices changed “repeat.from”: kept “2024-02-02”, discarded “2024-03-01”.' },
    ]);
  });

  it('keeps both descriptions when both sides changed it, in sorted order', () => {
    const ours = { ...action1, description: 'Ask about the fee and the card.' };
    const theirs = { ...action1, description: 'Ask about the fee. Bring ID.' };
    const both = `Ask about the fee and the card.${DESCRIPTION_SEPARATOR}Ask about the fee. Bring ID.`;
    const merged = merge(action1, ours, theirs);
    expect(merged?.description).toBe(both);
    expect(merged?._conflicts).toEqual([
      {
        field: 'description',
        kept: both,
        note: 'Both devices changed the description: kept both texts, one after the other, between “---” lines.',
      },
    ]);
    expect(mergeBytes(action1, theirs, ours)?.data).toEqual(mergeBytes(action1, ours, theirs)?.data);
  });

  it('keeps a record deleted on one side and edited on the other, with the same note either way', () => {
    const edited = { ...action1, state: 'done' as const };
    const expected = encodeRecord({ ...edited, _conflicts: [{ field: 'id', kept: ID, note: KEPT_OVER_DELETION_NOTE }] });
    for (const [ours, theirs] of [[edited, undefined], [undefined, edited]] as const) {
      const result = mergeBytes(action1, ours, theirs);
      expect(result?.conflicted).toBe(true);
      expect(result?.data).toEqual(expected);
    }
  });

  it('deletes a record deleted on one side and unchanged on the other', () => {
    expect(mergeBytes(action1, undefined, action1)).toEqual({ data: undefined, conflicted: false });
    expect(mergeBytes(action1, action1, undefined)).toEqual({ data: undefined, conflicted: false });
  });

  it('merges a record added on both sides against an empty one', () => {
    const theirs = { ...action1, name: 'Phone bank', starred: true };
    const merged = merge(undefined, action1, theirs);
    expect(merged).toMatchObject({ name: 'Call bank', starred: true, state: 'next' });
    expect(merged?._conflicts).toEqual([
      { field: 'name', kept: 'Call bank', discarded: 'Phone bank', note: 'Both devices changed “name”: kept “Call bank”, discarded “Phone bank”.' },
    ]);
  });

  it('gives the merged kind a state that fits it', () => {
    const base: ActionRecord = { ...action1, state: 'done' };
    const asProject: ProjectRecord = { kind: 'project', id: ID, name: 'Call bank', created: action1.created, state: 'done' };
    const reopened: ActionRecord = { ...base, state: 'next' };
    const merged = merge(base, asProject, reopened);
    expect(merged).toMatchObject({ kind: 'project', state: 'done' });
    expect(merged?._conflicts).toContainEqual({
      field: 'state',
      kept: 'done',
      discarded: 'next',
      note: 'The merged record is a project, which cannot be “next”: kept “done”, discarded “next”.',
    });
    expect(parseRecord(PATH, encodeJson(merged as JsonObject))).not.toHaveProperty('reason');
  });

  it('keeps notes either side added, drops notes either side dismissed, and sorts them', () => {
    const old: ConflictNote = { field: 'name', kept: 'A', discarded: 'B' };
    const fresh: ConflictNote = { field: 'starred', kept: true };
    const base = { ...action1, _conflicts: [old] };
    const merged = merge(base, { ...base, _conflicts: [] }, { ...base, _conflicts: [old, fresh], state: 'done' });
    expect(merged?._conflicts).toEqual([fresh]);
    expect(addConflictNotes([fresh, old], [old])).toEqual([old, fresh].sort((a, b) => (canonicalJson(a as unknown as Json) < canonicalJson(b as unknown as Json) ? -1 : 1)));
  });

  it('cuts long values short in the words, never in the note data', () => {
    const long = 'word '.repeat(30).trim();
    const merged = merge(action1, { ...action1, name: long }, { ...action1, name: 'Short' });
    const [note] = merged?._conflicts as unknown as ConflictNote[];
    expect(merged?.name).toBe('Short');
    expect(note?.discarded).toBe(long);
    expect(note?.note).toMatch(/^Both devices changed “name”: kept “Short”, discarded “(word ){10,}word…”\.$/);
  });
});

describe('mergeRecordFile in the store', () => {
  it('merges two branches that edited the same record', async () => {
    const repo = await openRepo({ name: 'merge-records', backend: createMemoryBackend(), merge: mergeRecordFile });
    const main = await repo.branch();
    await main.set(PATH, encodeRecord(action1), { message: 'Create Call bank' });
    const side = await repo.branch('side');
    await side.merge('main', { message: 'ff' });
    await main.set(PATH, encodeRecord({ ...action1, state: 'done', description: 'Paid.' }), { message: 'Complete Call bank' });
    await side.set(PATH, encodeRecord({ ...action1, state: 'waiting', description: 'Waiting for a call back.' }), { message: 'Wait' });
    await main.merge('side', { message: 'Merge side' });
    const merged = parseRecord(PATH, (await main.get(PATH)) as Uint8Array) as ActionRecord;
    expect(merged.state).toBe('done');
    expect(merged.description).toBe(`Paid.${DESCRIPTION_SEPARATOR}Waiting for a call back.`);
    expect(merged._conflicts?.map((note) => note.field)).toEqual(['state', 'description']); // sorted by canonical JSON
    await repo.close();
  });
});

// ---- properties ----

describe('mergeRecordFile properties', () => {
  it('generates valid records', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        for (const r of [base, ours, theirs]) if (r) expect(isMalformed(parseRecord(PATH, encodeRecord(r)))).toBe(false);
      }),
    );
  });

  it('takes the other side as it is when one side is unchanged', () => {
    fc.assert(
      fc.property(threeWay, ([base, , side]) => {
        const expected = side === undefined ? undefined : encodeRecord(side);
        expect(mergeBytes(base, base, side)?.data).toEqual(expected);
        expect(mergeBytes(base, side, base)?.data).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes whichever side is ours', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        expect(mergeBytes(base, ours, theirs)).toEqual(mergeBytes(base, theirs, ours));
      }),
      { numRuns: 500 },
    );
  });

  it('loses nothing either side changed', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        const merged = merge(base, ours, theirs);
        const notes = (merged?._conflicts ?? []) as unknown as ConflictNote[];
        const baseJson = (base ?? {}) as unknown as JsonObject;
        for (const side of [ours, theirs]) {
          if (side === undefined) continue;
          const sideJson = side as unknown as JsonObject;
          for (const [key, value] of Object.entries(sideJson)) {
            // `completed` follows the state; the description has its own rule, checked below.
            if (key === '_conflicts' || key === 'description' || key === 'completed') continue;
            for (const [path, leaf] of leaves(value, [key])) {
              if (equal(at(baseJson, path), leaf)) continue;
              const inNote = notes.some(
                (note) =>
                  path.some(
                    (_, i) =>
                      note.field === path.slice(0, i + 1).join('.') &&
                      (equal(at(note.kept, path.slice(i + 1)), leaf) || equal(at(note.discarded, path.slice(i + 1)), leaf)),
                  ) ||
                  // A scheduled action's day merges with its state: its note names both in words.
                  (note.field === 'state' && [note.kept, note.discarded].some((words) => inScheduleWords(key, leaf, words))),
              );
              expect(equal(at(merged, path), leaf) || inNote, `${path.join('.')} = ${JSON.stringify(leaf)}`).toBe(true);
            }
          }
          if (side.description !== undefined && side.description !== base?.description) {
            expect(merged?.description).toContain(side.description);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves an action as the commands would: a day only when scheduled, a contact when waiting for one, never done while repeating', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        const merged = merge(base, ours, theirs);
        if (merged?.kind !== 'action') return;
        expect(merged.state === 'scheduled').toBe(typeof merged.waitUntil === 'string');
        if (merged.state === 'waiting-for-contact') expect(typeof merged.contact).toBe('string');
        if (merged.repeat !== undefined) expect(merged.state).not.toBe('done');
        if (merged.completed !== undefined) expect(merged.state).toBe('done');
      }),
      { numRuns: 500 },
    );
  });

  it('writes a valid record when both sides were valid', () => {
    fc.assert(
      fc.property(threeWay, ([base, ours, theirs]) => {
        const result = mergeBytes(base, ours, theirs);
        expect(result).toBeDefined();
        if (result?.data) {
          expect(parseRecord(PATH, result.data)).not.toHaveProperty('reason');
          expect(result.data).toEqual(encodeJson(parseJsonObject(result.data) as JsonObject));
        }
      }),
      { numRuns: 500 },
    );
  });
});
