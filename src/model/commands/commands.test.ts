import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRecord } from '../encode-record.ts';
import { ModelError } from '../errors.ts';
import { recordPath } from '../paths.ts';
import { isItem, type Edit, type Snapshot } from '../snapshot.ts';
import { applyEdit, snapshotOf, testId } from '../../../test/support/model-records.ts';
import type { ActionState, ItemKind, RecordKind } from '../types.ts';
import { isMalformed, parseRecord } from '../validate-record.ts';
import { completeAction, convertItem, createRecord, deleteDoneItems, deleteRecord, updateRecord } from './index.ts';

/**
 * Random sessions of commands: whatever is attempted, every command either throws a
 * ModelError or leaves a repository whose records are valid files, whose tree has no cycle,
 * no orphan and no parent that cannot hold its child, and whose links name live records of
 * the right kind.
 */


type Step =
  | { op: 'create'; kind: RecordKind; parent?: number; ref?: number }
  | { op: 'move'; target: number; parent?: number }
  | { op: 'state'; target: number; state: ActionState }
  | { op: 'link'; target: number; ref: number }
  | { op: 'convert'; target: number; to: ItemKind }
  | { op: 'delete'; target: number; recursive: boolean }
  | { op: 'complete'; target: number }
  | { op: 'schedule'; target: number; day: string; repeat: boolean }
  | { op: 'deleteDone' };

/** A record by number, resolved at run time to one created so far (now and then to none). */
const slot = fc.nat(1000);
/** Often `undefined`: most creates have no parent or link. */
const maybe = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('create' as const), kind: fc.constantFrom('area', 'project', 'action', 'contact', 'context'), parent: maybe(slot), ref: maybe(slot) }) },
  fc.record({ op: fc.constant('move' as const), target: slot, parent: maybe(slot) }),
  fc.record({ op: fc.constant('state' as const), target: slot, state: fc.constantFrom('inbox', 'next', 'waiting', 'waiting-for-contact', 'future', 'done') }),
  fc.record({ op: fc.constant('link' as const), target: slot, ref: slot }),
  fc.record({ op: fc.constant('convert' as const), target: slot, to: fc.constantFrom('area', 'project', 'action') }),
  fc.record({ op: fc.constant('delete' as const), target: slot, recursive: fc.boolean() }),
  fc.record({ op: fc.constant('complete' as const), target: slot }),
  fc.record({ op: fc.constant('schedule' as const), target: slot, day: fc.constantFrom('2026-01-10', '2026-01-31', '2026-02-29'), repeat: fc.boolean() }),
  fc.constant({ op: 'deleteDone' as const }),
);

const NOW = new Date(2026, 0, 15, 12);

function run(snapshot: Snapshot, step: Step, created: number): Edit {
  const slotId = (n: number): string => (n % 17 === 16 ? testId(999) : testId(1000 + (n % Math.max(created, 1))));
  const kindOf = (n: number | undefined) => (n === undefined ? undefined : snapshot.records.get(slotId(n))?.kind);
  switch (step.op) {
    case 'create': {
      const refKind = kindOf(step.ref);
      const ref = step.ref === undefined ? {} : refKind === 'context' ? { context: slotId(step.ref) } : { contact: slotId(step.ref) };
      const parent = step.parent === undefined ? {} : { parent: slotId(step.parent) };
      return createRecord(snapshot, { kind: step.kind, name: `R${created}`, ...parent, ...ref }, NOW, () => testId(1000 + created));
    }
    case 'move':
      return updateRecord(snapshot, slotId(step.target), { parent: step.parent === undefined ? null : slotId(step.parent) }, NOW);
    case 'state':
      return updateRecord(snapshot, slotId(step.target), { state: step.state }, NOW);
    case 'link':
      return updateRecord(snapshot, slotId(step.target), kindOf(step.ref) === 'context' ? { context: slotId(step.ref) } : { contact: slotId(step.ref) }, NOW);
    case 'convert':
      return convertItem(snapshot, slotId(step.target), step.to, NOW);
    case 'delete':
      return deleteRecord(snapshot, slotId(step.target), { recursive: step.recursive });
    case 'complete':
      return completeAction(snapshot, slotId(step.target), NOW);
    case 'schedule':
      return updateRecord(snapshot, slotId(step.target), { waitUntil: step.day, ...(step.repeat ? { repeat: { every: 1, unit: 'month', from: '2025-12-31' } } : {}) }, NOW);
    case 'deleteDone':
      return deleteDoneItems(snapshot);
  }
}

function checkInvariants(snapshot: Snapshot): void {
  for (const record of snapshot.records.values()) {
    expect(parseRecord(recordPath(record.kind, record.id), encodeRecord(record))).toEqual(record);
    expect(isMalformed(parseRecord(recordPath(record.kind, record.id), encodeRecord(record)))).toBe(false);
    if (!isItem(record)) continue;
    if (record.contact !== undefined) expect(snapshot.records.get(record.contact)?.kind).toBe('contact');
    if (record.kind === 'action' && record.context !== undefined) expect(snapshot.records.get(record.context)?.kind).toBe('context');
    if (record.parent !== undefined) {
      const parent = snapshot.records.get(record.parent);
      expect(isItem(parent) && (parent.kind === 'area' || (parent.kind === 'project' && record.kind !== 'area'))).toBe(true);
    }
    const seen = new Set<string>();
    for (let at: string | undefined = record.id; at !== undefined; ) {
      expect(seen.has(at)).toBe(false);
      seen.add(at);
      const next = snapshot.records.get(at);
      at = isItem(next) ? next.parent : undefined;
    }
  }
}

describe('command sessions', () => {
  it('keep the repository valid whatever is attempted', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'medium' }), (steps) => {
        let snapshot = snapshotOf();
        let created = 0;
        for (const step of steps) {
          let edit: Edit;
          try {
            edit = run(snapshot, step, created);
          } catch (error) {
            expect(error).toBeInstanceOf(ModelError);
            continue;
          }
          if (step.op === 'create') created++;
          snapshot = applyEdit(snapshot, edit);
          applied++;
          if (edit.changes.length > 0) expect(edit.message.length).toBeGreaterThan(0);
          checkInvariants(snapshot);
        }
      }),
      { numRuns: 300 },
    );

    expect(applied).toBeGreaterThan(1000);
  });
});
