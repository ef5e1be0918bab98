/**
 * Builders for the model's tests: records with readable, valid ids, snapshots made of them, and
 * an in-memory {@link applyEdit}. Not part of the public surface.
 */
import type { Edit, Snapshot } from '../../src/model/snapshot.ts';
import type { ActionRecord, AnyRecord, AreaRecord, ContactRecord, ContextRecord, ProjectRecord } from '../../src/model/types.ts';

/** The `n`-th test id: a valid lowercase UUID. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Ids handed out in order, for `createRecord`'s `newId`. */
export function idSequence(start = 1000): () => string {
  let next = start;
  return () => testId(next++);
}

const CREATED = '2026-01-01T09:00:00.000Z';

export const area = (n: number, name: string, extra: Partial<AreaRecord> = {}): AreaRecord => ({ kind: 'area', id: testId(n), name, created: CREATED, ...extra });
export const project = (n: number, name: string, extra: Partial<ProjectRecord> = {}): ProjectRecord => ({ kind: 'project', id: testId(n), name, created: CREATED, state: 'active', ...extra });
export const action = (n: number, name: string, extra: Partial<ActionRecord> = {}): ActionRecord => ({ kind: 'action', id: testId(n), name, created: CREATED, state: 'next', ...extra });
export const contact = (n: number, name: string, extra: Partial<ContactRecord> = {}): ContactRecord => ({ kind: 'contact', id: testId(n), name, created: CREATED, ...extra });
export const context = (n: number, name: string, extra: Partial<ContextRecord> = {}): ContextRecord => ({ kind: 'context', id: testId(n), name, created: CREATED, ...extra });

/** A snapshot holding `records`. */
export function snapshotOf(...records: AnyRecord[]): Snapshot {
  return { head: undefined, records: new Map(records.map((record) => [record.id, record])), malformed: [] };
}

/** The snapshot after `edit`, as committing it and reading it back would give. */
export function applyEdit(snapshot: Snapshot, edit: Edit): Snapshot {
  const records = new Map(snapshot.records);
  for (const change of edit.changes) {
    if ('put' in change) records.set(change.put.id, change.put);
    else records.delete(change.remove.id);
  }
  return { head: snapshot.head, records, malformed: snapshot.malformed };
}

/** The record an edit of one record writes (fails the test when it writes none). */
export function putOf(edit: Edit, index = 0): AnyRecord {
  const change = edit.changes[index];
  if (!change || !('put' in change)) throw new Error(`change ${index} is not a put`);
  return change.put;
}
