import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRecord } from '../encode-record.ts';
import { ModelError } from '../errors.ts';
import { recordPath } from '../paths.ts';
import { action, area, contact, context, idSequence, project, putOf, snapshotOf, testId } from '../../../test/support/model-records.ts';
import type { AnyRecord, RecordKind, Repeat } from '../types.ts';
import { isMalformed, parseRecord } from '../validate-record.ts';
import { EDITABLE_FIELDS } from './check-record.ts';
import { createRecord, type CreateInput } from './create.ts';

const id = testId;
const NOW = new Date(2026, 0, 15, 10, 30); // local 2026-01-15
const snapshot = snapshotOf(
  area(1, 'Home'),
  project(2, 'Taxes', { parent: id(1) }),
  action(3, 'Call bank'),
  contact(4, 'Alice'),
  context(5, '@phone'),
);

const create = (input: CreateInput): AnyRecord => {
  const edit = createRecord(snapshot, input, NOW, idSequence());
  expect(edit.changes).toHaveLength(1);
  return putOf(edit);
};

const rejects = (input: CreateInput, code: string, message?: string | RegExp): void => {
  let error: unknown;
  try {
    createRecord(snapshot, input, NOW, idSequence());
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ModelError);
  expect((error as ModelError).code).toBe(code);
  if (message !== undefined) expect((error as ModelError).message).toMatch(message);
};

describe('createRecord', () => {
  it('creates an action with a readable message', () => {
    const edit = createRecord(snapshot, { kind: 'action', name: '  Buy milk ' }, NOW, idSequence());
    expect(edit.message).toBe('Create Buy milk');
    expect(putOf(edit)).toEqual({ kind: 'action', id: id(1000), name: 'Buy milk', created: NOW.toISOString(), state: 'inbox' });
  });

  it('names contacts and contexts in the message', () => {
    expect(createRecord(snapshot, { kind: 'contact', name: 'Bob', email: 'bob@example.org' }, NOW, idSequence()).message).toBe('Create contact Bob');
    expect(createRecord(snapshot, { kind: 'context', name: '@home' }, NOW, idSequence()).message).toBe('Create context @home');
  });

  it('chooses an action state from what it is given', () => {
    expect(create({ kind: 'action', name: 'A' })).toMatchObject({ state: 'inbox' });
    expect(create({ kind: 'action', name: 'A', parent: id(2) })).toMatchObject({ state: 'next', parent: id(2) });
    expect(create({ kind: 'action', name: 'A', context: id(5) })).toMatchObject({ state: 'next', context: id(5) });
    expect(create({ kind: 'action', name: 'A', waitUntil: '2026-03-01' })).toMatchObject({ state: 'scheduled', waitUntil: '2026-03-01' });
    expect(create({ kind: 'action', name: 'A', state: 'future' })).toMatchObject({ state: 'future' });
    expect(create({ kind: 'action', name: 'A', state: 'waiting-for-contact', contact: id(4) })).toMatchObject({ contact: id(4) });
  });

  it('schedules a repeating action for its first occurrence on or after today', () => {
    const monthly: Repeat = { every: 1, unit: 'month', from: '2025-10-15' };
    expect(create({ kind: 'action', name: 'Rent', repeat: monthly })).toMatchObject({ state: 'scheduled', waitUntil: '2026-01-15' });
    const later: Repeat = { every: 1, unit: 'month', from: '2025-10-16' };
    expect(create({ kind: 'action', name: 'Rent', repeat: later })).toMatchObject({ waitUntil: '2026-01-16' });
    expect(create({ kind: 'action', name: 'Rent', repeat: later, state: 'next' })).not.toHaveProperty('waitUntil');
  });

  it('makes projects active, stamps done records, keeps stars and notes', () => {
    expect(create({ kind: 'project', name: 'P' })).toMatchObject({ state: 'active' });
    expect(create({ kind: 'project', name: 'P', state: 'done' })).toMatchObject({ completed: NOW.toISOString() });
    expect(create({ kind: 'action', name: 'A', state: 'done' })).toMatchObject({ completed: NOW.toISOString() });
    expect(create({ kind: 'area', name: 'Sub', parent: id(1), starred: true, description: '# Notes' })).toMatchObject({ starred: true, description: '# Notes' });
    expect(create({ kind: 'area', name: 'Sub', starred: false, description: '' })).toEqual({ kind: 'area', id: id(1000), name: 'Sub', created: NOW.toISOString() });
  });

  it('refuses blank names, unknown kinds and fields the kind has not got', () => {
    rejects({ kind: 'action', name: '' }, 'invalid', 'A name cannot be empty.');
    rejects({ kind: 'action', name: ' \n\t' }, 'invalid', 'A name cannot be empty.');
    rejects({ kind: 'task' as RecordKind, name: 'X' }, 'invalid', /Unknown kind/);
    rejects({ kind: 'project', name: 'X', context: id(5) }, 'invalid', 'A project has no context.');
    rejects({ kind: 'action', name: 'X', email: 'a@b' }, 'invalid', 'An action has no email.');
    rejects({ kind: 'context', name: 'X', parent: id(1) }, 'invalid', 'A context has no parent.');
  });

  it('refuses references to missing records or records of the wrong kind', () => {
    rejects({ kind: 'action', name: 'X', parent: id(99) }, 'invalid', /no area or project/);
    rejects({ kind: 'action', name: 'X', parent: id(3) }, 'invalid', '“Call bank” is an action; only areas and projects can hold items.');
    rejects({ kind: 'action', name: 'X', parent: id(4) }, 'invalid', /“Alice” is a contact/);
    rejects({ kind: 'action', name: 'X', context: id(4) }, 'invalid', '“Alice” is a contact, not a context.');
    rejects({ kind: 'action', name: 'X', context: id(99) }, 'invalid', /no context with id/);
    rejects({ kind: 'project', name: 'X', contact: id(5) }, 'invalid', '“@phone” is a context, not a contact.');
    rejects({ kind: 'area', name: 'X', parent: id(2) }, 'refused', '“Taxes” is a project; a project cannot hold an area.');
  });

  it('refuses states that do not fit', () => {
    rejects({ kind: 'action', name: 'X', state: 'active' }, 'invalid', /not a state of an action/);
    rejects({ kind: 'project', name: 'X', state: 'next' }, 'invalid', /not a state of a project/);
    rejects({ kind: 'action', name: 'X', state: 'waiting-for-contact' }, 'invalid', '“X” waits for a contact: choose who.');
    rejects({ kind: 'action', name: 'X', state: 'scheduled' }, 'invalid', '“X” is scheduled: choose the day it becomes due.');
    rejects({ kind: 'action', name: 'X', state: 'next', waitUntil: '2026-02-01' }, 'invalid', /Only a scheduled action/);
    rejects({ kind: 'action', name: 'X', waitUntil: '2026-02-30' }, 'invalid', /not a YYYY-MM-DD date/);
    rejects({ kind: 'action', name: 'X', repeat: { every: 0, unit: 'day', from: '2026-01-01' } }, 'invalid', /every 1 to 1000/);
  });

  it('refuses a bad or used new id', () => {
    expect(() => createRecord(snapshot, { kind: 'area', name: 'X' }, NOW, () => '../etc')).toThrow(/lowercase UUID/);
    expect(() => createRecord(snapshot, { kind: 'area', name: 'X' }, NOW, () => id(1))).toThrow(/already in use/);
  });
});

// ---- property: whatever the input, the result is a ModelError or a record its file reads back as ----

/** Mostly `undefined`, sometimes a value: most fields are left out of most inputs. */
const rarely = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const refs = rarely(fc.constantFrom(id(1), id(2), id(3), id(4), id(5), id(99)));
const inputArb: fc.Arbitrary<CreateInput> = fc
  .record({
    kind: fc.constantFrom('area', 'project', 'action', 'contact', 'context'),
    name: fc.oneof(fc.string(), fc.constantFrom('Buy milk', ' ', '“x”\n\\')),
    parent: refs,
    state: rarely(fc.constantFrom('inbox', 'next', 'waiting', 'waiting-for-contact', 'scheduled', 'future', 'done', 'active', 'someday')),
    context: refs,
    contact: refs,
    description: rarely(fc.string()),
    starred: rarely(fc.boolean()),
    waitUntil: rarely(fc.constantFrom('2026-01-10', '2026-02-28', '2024-02-29', '2026-02-30', 'soon')),
    repeat: rarely(
      fc.record({ every: fc.integer({ min: 0, max: 40 }), unit: fc.constantFrom('day', 'week', 'month', 'year'), from: fc.constantFrom('2025-01-31', '2024-02-29', '2026-13-01') }),
    ),
    email: rarely(fc.emailAddress()),
    keepForeignFields: fc.nat(9),
  })
  .map(({ keepForeignFields, ...input }) => {
    // Mostly drop the fields the kind has not got, so that most inputs are valid.
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined && (keepForeignFields === 0 || key === 'kind' || EDITABLE_FIELDS[input.kind].has(key))) out[key] = value;
    }
    return out as unknown as CreateInput;
  });

describe('createRecord properties', () => {
  it('makes records that read back from their file unchanged, or throws a ModelError', () => {
    let created = 0;
    fc.assert(
      fc.property(inputArb, fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (input, now) => {
        let record: AnyRecord;
        try {
          record = putOf(createRecord(snapshot, input, now, idSequence()));
        } catch (error) {
          expect(error).toBeInstanceOf(ModelError);
          return;
        }
        created++;
        const parsed = parseRecord(recordPath(record.kind, record.id), encodeRecord(record));
        expect(isMalformed(parsed)).toBe(false);
        expect(parsed).toEqual(record);
        expect(record.name.trim()).not.toBe('');
        if (record.kind === 'action') {
          expect(record.state === 'scheduled').toBe(record.waitUntil !== undefined);
          if (record.state === 'waiting-for-contact') expect(record.contact).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
    expect(created).toBeGreaterThan(100);
  });
});
