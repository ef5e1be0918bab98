import { canConvert } from '../guards.ts';
import { kindWithArticle, messageName } from '../record-name.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import type { ActionState, ItemKind, ItemRecord, ProjectState } from '../types.ts';
import { enforce, requireItem, withoutUndefined } from './shared.ts';

/** The state an action takes as a project: open work is active, future is someday. */
const ACTION_TO_PROJECT_STATE: Readonly<Record<ActionState, ProjectState>> = {
  inbox: 'active',
  next: 'active',
  waiting: 'active',
  'waiting-for-contact': 'active',
  scheduled: 'active',
  future: 'someday',
  done: 'done',
};

/** The state a project takes as an action: active is next, someday is future. */
const PROJECT_TO_ACTION_STATE: Readonly<Record<ProjectState, ActionState>> = {
  active: 'next',
  someday: 'future',
  done: 'done',
};

/**
 * Turns an item into another kind, keeping its id (and so its file and history), name,
 * notes, star, conflict notes, parent and contact: "Convert Taxes to a project".
 *
 * States map by {@link ACTION_TO_PROJECT_STATE} and {@link PROJECT_TO_ACTION_STATE}; an area
 * becomes an active project or a next action. What the new kind cannot hold is dropped: an
 * action's context, day and repeat; a project's or action's state as an area. A done record
 * stays done and keeps its `completed` stamp (`now` when it had none).
 *
 * @throws ModelError 'not-found' for an unknown id; 'refused' when {@link canConvert} says no.
 */
export function convertItem(snapshot: Snapshot, id: string, toKind: ItemKind, now: Date): Edit {
  const item = requireItem(snapshot, id);
  enforce(canConvert(snapshot, id, toKind), { id, toKind });
  const { name, created, description, starred, _conflicts, parent, contact } = item;
  const base = { id, name, created, description, starred, _conflicts, parent, contact };
  let converted: ItemRecord;
  if (toKind === 'area') {
    converted = { ...base, kind: 'area' };
  } else if (toKind === 'project') {
    const state = item.kind === 'action' ? ACTION_TO_PROJECT_STATE[item.state] : 'active';
    converted = { ...base, kind: 'project', state, completed: completedStamp(item, state, now) };
  } else {
    const state = item.kind === 'project' ? PROJECT_TO_ACTION_STATE[item.state] : 'next';
    converted = { ...base, kind: 'action', state, completed: completedStamp(item, state, now) };
  }
  return { changes: [{ put: withoutUndefined(converted) }], message: `Convert ${messageName(name)} to ${kindWithArticle(toKind)}` };
}

function completedStamp(item: ItemRecord, state: string, now: Date): string | undefined {
  if (state !== 'done') return undefined;
  return (item.kind === 'area' ? undefined : item.completed) ?? now.toISOString();
}
