import { canonicalJson } from '../../store/index.ts';
import { ModelError } from '../errors.ts';
import { kindWithArticle } from '../record-name.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import { isActionState, isProjectState, STATES } from '../states.ts';
import type { ActionRecord, ActionState, AnyRecord, Day, ItemRecord, JsonFields, ProjectRecord, ProjectState, Repeat } from '../types.ts';
import { checkFieldsAllowed, checkRecord } from './check-record.ts';
import { followActionState, stampCompleted } from './follow-state.ts';
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
  deadline?: Day | null;
  repeat?: Repeat | null;
  email?: string | null;
}

/**
 * Changes fields of a record, with a message saying what changed ("Buy milk: rename to Buy
 * oat milk", "Buy milk: next -> done", "Move Buy milk to Shopping", "Buy milk: edit" for
 * several fields). An edit that changes nothing has no changes (nothing to commit).
 *
 * Fields follow the state (see follow-state.ts): setting `waitUntil` schedules an action,
 * leaving scheduled clears it, done stamps `completed`; a repeat set or moved schedules the
 * action on it, and a repeating action set to done returns on its next occurrence.
 *
 * @throws ModelError 'not-found' for an unknown id, 'invalid' for bad values, 'refused' for a
 * move the tree's rules forbid.
 */
export function updateRecord(snapshot: Snapshot, id: string, patch: RecordPatch, now: Date): Edit {
  const record = requireRecord(snapshot, id);
  const keys = Object.keys(patch).filter((key) => patch[key as keyof RecordPatch] !== undefined);
  checkFieldsAllowed(record.kind, keys);
  if (patch.name === null) throw new ModelError('invalid', 'A name cannot be empty.', { id });
  let rolledTo: Day | undefined;
  let updated: AnyRecord;
  if (record.kind === 'action') {
    const followed = followActionState(record, patchAction(record, patch), patch, now);
    rolledTo = followed.rolledTo;
    updated = followed.record;
  } else if (record.kind === 'project') {
    updated = stampCompleted(record.state, patchProject(record, patch), now);
  } else {
    updated = patchOther(record, patch);
  }
  updated = withoutUndefined(updated);
  const changed = changedFields(record, updated);
  if (changed.size === 0) return { changes: [], message: '' };
  checkRecord(snapshot, updated, changed);
  return { changes: [{ put: updated }], message: updateMessage(snapshot, record, updated, changed, rolledTo) };
}

/** The new value of an optional field: `null` clears it, `undefined` keeps `current`. */
function orClear<V>(value: V | null | undefined, current: V | undefined): V | undefined {
  return value === undefined ? current : value === null ? undefined : value;
}

/** The fields every kind has, patched: an empty description and an unset star are cleared. */
function patchCommon(record: AnyRecord, patch: RecordPatch): Pick<AnyRecord, 'name' | 'description' | 'starred'> {
  return {
    name: typeof patch.name === 'string' ? patch.name.trim() : record.name,
    description: orClear(patch.description === '' ? null : patch.description, record.description),
    starred: patch.starred === undefined ? record.starred : patch.starred || undefined,
  };
}

/** The fields of areas, projects and actions, patched. */
function patchItem(record: ItemRecord, patch: RecordPatch): Pick<ItemRecord, 'name' | 'description' | 'starred' | 'parent' | 'contact'> {
  return { ...patchCommon(record, patch), parent: orClear(patch.parent, record.parent), contact: orClear(patch.contact, record.contact) };
}

function patchOther(record: Exclude<AnyRecord, ActionRecord | ProjectRecord>, patch: RecordPatch): AnyRecord {
  switch (record.kind) {
    case 'area':
      return { ...record, ...patchItem(record, patch) };
    case 'contact':
      return { ...record, ...patchCommon(record, patch), email: orClear(patch.email, record.email) };
    case 'context':
      return { ...record, ...patchCommon(record, patch) };
  }
}

function patchProject(record: ProjectRecord, patch: RecordPatch): ProjectRecord {
  if (patch.state !== undefined && !isProjectState(patch.state)) invalidState(record, patch.state);
  return {
    ...record,
    ...patchItem(record, patch),
    state: patch.state ?? record.state,
    deadline: orClear(patch.deadline, record.deadline),
  };
}

function patchAction(record: ActionRecord, patch: RecordPatch): ActionRecord {
  if (patch.state !== undefined && !isActionState(patch.state)) invalidState(record, patch.state);
  return {
    ...record,
    ...patchItem(record, patch),
    state: patch.state ?? record.state,
    context: orClear(patch.context, record.context),
    waitUntil: orClear(patch.waitUntil, record.waitUntil),
    deadline: orClear(patch.deadline, record.deadline),
    repeat: orClear(patch.repeat, record.repeat),
  };
}

function invalidState(record: ActionRecord | ProjectRecord, state: string): never {
  throw new ModelError('invalid', `${JSON.stringify(state)} is not a state of ${kindWithArticle(record.kind)}: use ${STATES[record.kind].join(', ')}.`, { id: record.id });
}

/** The top-level fields whose values differ between two versions of a record. */
function changedFields(before: AnyRecord, after: AnyRecord): Set<string> {
  const changed = new Set<string>();
  const a: JsonFields = before;
  const b: JsonFields = after;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (x === undefined || y === undefined || canonicalJson(x) !== canonicalJson(y)) changed.add(key);
  }
  return changed;
}
