import { ModelError } from '../errors.ts';
import { quoteName } from '../record-name.ts';
import { isItem, type Snapshot } from '../snapshot.ts';
import type { AnyRecord, ItemRecord } from '../types.ts';

/** The record `id`, or a 'not-found' ModelError. */
export function requireRecord(snapshot: Snapshot, id: string): AnyRecord {
  const record = snapshot.records.get(id);
  if (record === undefined) throw new ModelError('not-found', `There is no record with id ${id}.`, { id });
  return record;
}

/** The area, project or action `id`; a 'not-found' ModelError for anything else. */
export function requireItem(snapshot: Snapshot, id: string): ItemRecord {
  const record = requireRecord(snapshot, id);
  if (!isItem(record)) throw new ModelError('not-found', `${quoteName(record.name)} is a ${record.kind}, not an area, project or action.`, { id });
  return record;
}

/** Throws a 'refused' ModelError when a guard said no. */
export function enforce(result: { ok: true } | { ok: false; reason: string }, data: Record<string, unknown> = {}): void {
  if (!result.ok) throw new ModelError('refused', result.reason, data);
}

/** A copy of `record` without the fields set to `undefined`, as its file will hold it. */
export function withoutUndefined<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}
