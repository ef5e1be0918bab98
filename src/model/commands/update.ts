import { canonicalJson, type Json } from '../../store/index.ts';
import { compareDays, todayOf } from '../dates.ts';
import { ModelError } from '../errors.ts';
import { nextOccurrence } from '../repeat.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import type { ActionRecord, ActionState, AnyRecord, Day, ProjectState, Repeat } from '../types.ts';
import { checkFieldsAllowed, checkRecord } from './check-record.ts';
import { requireRecord, withoutUndefined } from './shared.ts';
import { updateMessage } from './update-message.ts';

/** Fields to change; `null` clears an optional field, absent (or `undefined`) leaves it. */
export interface RecordPatch {
  name?: string;
  description?: string | null;
  starred?: boolean;
  /** An area or project; `null` moves the item to the top level. */
  parent?: string | null;
  state?: ActionState | ProjectState;
  context?: string | null;
  contact?: string | null;
  waitUntil?: Day | null;
  repeat?: Repeat | null;
  email?: string | null;
}

/**
 * Changes fields of a record, with a message saying what changed ("Buy milk: rename to Buy
 * oat milk", "Buy milk: next -> done", "Move Buy milk to Shopping", "Buy milk: edit" for
 * several fields). An edit that changes nothing has no changes (nothing to commit).
 *
 * Fields follow the state: setting `waitUntil` on an action that is not scheduled schedules
 * it; leaving scheduled clears `waitUntil`; entering done stamps `completed`, leaving done
 * clears it. A repeating action set to done is completed as {@link completeAction} does: it
 * returns, scheduled, on its next occurrence.
 *
 * @throws ModelError 'not-found' for an unknown id, 'invalid' for bad values, 'refused' for a
 * move the tree's rules forbid.
 */
export function updateRecord(snapshot: Snapshot, id: string, patch: RecordPatch, now: Date): Edit {
  const record = requireRecord(snapshot, id);
  const keys = Object.keys(patch).filter((key) => patch[key as keyof RecordPatch] !== undefined);
  checkFieldsAllowed(record.kind, keys);
  if (patch.name === null) throw new ModelError('invalid', 'A name cannot be empty.', { id });
  const next: Record<string, unknown> = { ...record };
  for (const key of keys) {
    const value = patch[key as keyof RecordPatch];
    next[key] = value === null || (key === 'description' && value === '') || (key === 'starred' && value === false) ? undefined : value;
  }
  if (typeof patch.name === 'string') next.name = patch.name.trim();
  let rolledTo: Day | undefined;
  if (record.kind === 'action') rolledTo = followState(record, next as Partial<ActionRecord>, patch, now);
  else if (record.kind === 'project') stampCompleted(record.state, next as Partial<ActionRecord>, now);
  const updated = withoutUndefined(next) as unknown as AnyRecord;
  const changed = changedFields(record, updated);
  if (changed.size === 0) return { changes: [], message: '' };
  checkRecord(snapshot, updated, changed);
  return { changes: [{ put: updated }], message: updateMessage(snapshot, record, updated, changed, rolledTo) };
}

/** Keeps an action's fields in step with its state; returns the new day if it repeated. */
function followState(before: ActionRecord, next: Partial<ActionRecord>, patch: RecordPatch, now: Date): Day | undefined {
  if (patch.waitUntil != null && patch.state === undefined) next.state = 'scheduled';
  if (next.state !== 'scheduled' && patch.waitUntil == null) next.waitUntil = undefined;
  if (next.state === 'done' && before.state !== 'done' && next.repeat !== undefined) {
    const today = todayOf(now);
    const current = before.state === 'scheduled' ? before.waitUntil : undefined;
    const after = current !== undefined && compareDays(current, today) > 0 ? current : today;
    next.state = 'scheduled';
    next.waitUntil = nextOccurrence(next.repeat, after);
    next.completed = undefined;
    return next.waitUntil;
  }
  stampCompleted(before.state, next, now);
  return undefined;
}

function stampCompleted(before: string, next: { state?: string; completed?: string }, now: Date): void {
  if (next.state !== 'done') next.completed = undefined;
  else if (before !== 'done') next.completed = now.toISOString();
}

/** The top-level fields whose values differ between two versions of a record. */
export function changedFields(before: AnyRecord, after: AnyRecord): Set<string> {
  const changed = new Set<string>();
  const a = before as unknown as Record<string, Json | undefined>;
  const b = after as unknown as Record<string, Json | undefined>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (x === undefined || y === undefined || canonicalJson(x) !== canonicalJson(y)) changed.add(key);
  }
  return changed;
}
