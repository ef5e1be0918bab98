import { dayFromParts, todayOf } from '../dates.ts';
import { MAX_REPEAT_EVERY } from '../repeat.ts';
import type { ActionRecord, ActionState, AnyRecord, ConflictNote, Day, ItemRecord, ProjectState, Repeat } from '../types.ts';
import type { CkActionState, CkDate, CkDetails, CkNode, CkRepeat } from './ck-node.ts';
import { CkShapeError } from './ck-node.ts';

/** The note a CueKeeper conflict message becomes on the converted record. */
function conflictNoteOf(message: string): ConflictNote {
  return { field: 'cuekeeper', kept: message, note: `From CueKeeper's merge: ${message}` };
}

/** A CueKeeper date as a Day: its month counts from 0, and a day past the month's end rolls over as `mktime` does. */
function dayOf(date: CkDate | { unixTime: number }): Day {
  if ('unixTime' in date) return todayOf(new Date(date.unixTime * 1000));
  const ms = new Date(0).setUTCFullYear(date.year, date.month0, date.day);
  const normal = new Date(ms);
  if (!Number.isFinite(ms) || normal.getUTCFullYear() < 1 || normal.getUTCFullYear() > 9999) throw new CkShapeError(`the date (${date.year} ${date.month0} ${date.day}) is out of range`);
  return dayFromParts({ year: normal.getUTCFullYear(), month: normal.getUTCMonth() + 1, day: normal.getUTCDate() });
}

/** The fields every record has. */
function common(id: string, details: CkDetails): Pick<AnyRecord, 'id' | 'name' | 'created' | 'description' | '_conflicts'> {
  const created = new Date(details.ctime * 1000);
  if (Number.isNaN(created.getTime())) throw new CkShapeError(`its ctime ${details.ctime} is not a time`);
  return {
    id,
    name: details.name,
    created: created.toISOString(),
    ...(details.description === '' ? {} : { description: details.description }),
    ...(details.conflicts.length === 0 ? {} : { _conflicts: details.conflicts.map(conflictNoteOf) }),
  };
}

const PROJECT_STATES: Record<'Active' | 'SomedayMaybe' | 'Done', ProjectState> = { Active: 'active', SomedayMaybe: 'someday', Done: 'done' };
const ACTION_STATES: Record<Exclude<CkActionState['kind'], 'Waiting_until'>, ActionState> = {
  Next: 'next',
  Waiting: 'waiting',
  Waiting_for_contact: 'waiting-for-contact',
  Future: 'future',
  Done: 'done',
};
const UNITS = { Day: 'day', Week: 'week', Month: 'month', Year: 'year' } as const;

function repeatOf(repeat: CkRepeat): Repeat {
  if (repeat.n < 1 || repeat.n > MAX_REPEAT_EVERY) throw new CkShapeError(`its repeat every ${repeat.n} ${repeat.unit} is not from 1 to ${MAX_REPEAT_EVERY}`);
  return { every: repeat.n, unit: UNITS[repeat.unit], from: dayOf(repeat.from) };
}

/** The links of an area, project or action. */
function links(details: CkDetails): Pick<ItemRecord, 'parent' | 'contact'> {
  return { ...(details.parent === undefined ? {} : { parent: details.parent }), ...(details.contact === undefined ? {} : { contact: details.contact }) };
}

/**
 * One CueKeeper area, project or action (file `db/<id>`) as this app's record, keeping its id.
 * States map one to one (`Waiting_until date` is 'scheduled' with `waitUntil`). What CueKeeper
 * itself reports as a bug is mended as its merge mends it: a done action with a repeat is a
 * next action (ck_disk_node.ml, `merge_action`); waiting for a contact without one just waits.
 */
export function convertNode(id: string, node: CkNode): ItemRecord {
  const base = { ...common(id, node.details), ...links(node.details) };
  if (node.kind === 'Area') return { kind: 'area', ...base };
  if (node.kind === 'Project') return { kind: 'project', ...base, state: PROJECT_STATES[node.state], ...(node.starred ? { starred: true } : {}) };
  const action: ActionRecord = { kind: 'action', ...base, state: 'next' };
  if (node.starred) action.starred = true;
  if (node.context !== undefined) action.context = node.context;
  if (node.repeat !== undefined) action.repeat = repeatOf(node.repeat);
  if (node.state.kind === 'Waiting_until') {
    action.state = 'scheduled';
    action.waitUntil = dayOf(node.state.date);
  } else {
    action.state = ACTION_STATES[node.state.kind];
  }
  if (action.state === 'done' && action.repeat !== undefined) action.state = 'next';
  if (action.state === 'waiting-for-contact' && action.contact === undefined) action.state = 'waiting';
  return action;
}

/** A CueKeeper contact or context (files `contact/<id>`, `context/<id>`: a bare `node_details`). */
export function convertPlain(kind: 'contact' | 'context', id: string, details: CkDetails): AnyRecord {
  return { kind, ...common(id, details) };
}
