/**
 * Hand-built snapshots for the query tests (not exported from the folder's index): records
 * with readable ids, and fast-check arbitraries for snapshots a merge may have broken.
 */
import fc from 'fast-check';
import type { Snapshot } from '../../src/model/snapshot.ts';
import type { ActionRecord, AnyRecord, AreaRecord, ContactRecord, ContextRecord, ProjectRecord } from '../../src/model/types.ts';
import { ACTION_STATES, PROJECT_STATES } from '../../src/model/states.ts';
import type { MalformedRecord } from '../../src/model/validate-record.ts';

/** A record id (a UUID) made from a small number, so tests read `id(3)`. */
export const id = (n: number): string => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

const CREATED = '2026-01-01T00:00:00.000Z';

export const area = (n: number, name: string, extra: Partial<AreaRecord> = {}): AreaRecord => ({ id: id(n), kind: 'area', name, created: CREATED, ...extra });
export const project = (n: number, name: string, extra: Partial<ProjectRecord> = {}): ProjectRecord => ({
  id: id(n),
  kind: 'project',
  name,
  state: 'active',
  created: CREATED,
  ...extra,
});
export const action = (n: number, name: string, extra: Partial<ActionRecord> = {}): ActionRecord => ({
  id: id(n),
  kind: 'action',
  name,
  state: 'next',
  created: CREATED,
  ...extra,
});
export const contact = (n: number, name: string, extra: Partial<ContactRecord> = {}): ContactRecord => ({ id: id(n), kind: 'contact', name, created: CREATED, ...extra });
export const context = (n: number, name: string, extra: Partial<ContextRecord> = {}): ContextRecord => ({ id: id(n), kind: 'context', name, created: CREATED, ...extra });

/** A snapshot holding `records`. */
export function snapshotOf(records: readonly AnyRecord[], malformed: readonly MalformedRecord[] = []): Snapshot {
  return { head: undefined, records: new Map(records.map((record) => [record.id, record])), malformed };
}

const DAYS = ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-10', '2026-04-01', '2025-12-31'];

/**
 * Arbitrary snapshots of up to `size` records whose links (parent, context, contact) point
 * anywhere among `size + 3` ids: at missing records, records of the wrong kind, themselves,
 * round in cycles. Names and descriptions are drawn from a few words, accents included, so
 * searches find things.
 */
export function arbitrarySnapshot(size = 25): fc.Arbitrary<Snapshot> {
  const ref = fc.option(fc.nat({ max: size + 2 }).map(id), { nil: undefined });
  const text = fc.array(fc.constantFrom('café', 'Cafe', 'tax', 'Taxes', 'bank', 'ÉTÉ', 'été', 'call', 'x', '', ' '), { maxLength: 4 }).map((w) => w.join(' '));
  const common = {
    name: text,
    description: fc.option(text, { nil: undefined }),
    starred: fc.option(fc.boolean(), { nil: undefined }),
    _conflicts: fc.option(fc.array(fc.oneof(fc.record({ field: fc.constant('name'), kept: fc.constant('a'), note: fc.option(fc.string(), { nil: undefined }) }), fc.anything() as fc.Arbitrary<never>), { maxLength: 2 }), { nil: undefined }),
    created: fc.constant(CREATED),
  };
  const record = fc.oneof(
    fc.record({ kind: fc.constant('area' as const), parent: ref, contact: ref, ...common }, { requiredKeys: ['kind', 'name', 'created'] }),
    fc.record({ kind: fc.constant('project' as const), parent: ref, contact: ref, state: fc.constantFrom(...PROJECT_STATES), deadline: fc.option(fc.constantFrom(...DAYS), { nil: undefined }), completed: fc.option(fc.constantFrom('2026-02-01T10:00:00Z', '2026-02-02T10:00:00Z', 'not a date'), { nil: undefined }), ...common }, { requiredKeys: ['kind', 'name', 'created', 'state'] }),
    fc.record(
      {
        kind: fc.constant('action' as const),
        parent: ref,
        context: ref,
        contact: ref,
        state: fc.constantFrom(...ACTION_STATES),
        waitUntil: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
        deadline: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
        repeat: fc.option(fc.record({ every: fc.integer({ min: 1, max: 3 }), unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const), from: fc.constantFrom(...DAYS) }), { nil: undefined }),
        completed: fc.option(fc.constantFrom('2026-02-01T10:00:00Z', '2026-02-02T10:00:00Z', '2026-02-03T10:00:00Z'), { nil: undefined }),
        ...common,
      },
      { requiredKeys: ['kind', 'name', 'created', 'state'] },
    ),
    fc.record({ kind: fc.constant('contact' as const), ...common }, { requiredKeys: ['kind', 'name', 'created'] }),
    fc.record({ kind: fc.constant('context' as const), ...common }, { requiredKeys: ['kind', 'name', 'created'] }),
  );
  const malformed = fc.array(fc.record({ path: fc.constant('items/00/x.json'), reason: fc.constant('it is not a JSON object') }), { maxLength: 2 });
  return fc.tuple(fc.array(record, { maxLength: size }), malformed).map(([records, bad]) =>
    snapshotOf(records.map((r, n) => ({ ...r, id: id(n) }) as AnyRecord), bad),
  );
}
