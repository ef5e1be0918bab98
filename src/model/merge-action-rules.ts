import { canonicalJson, type Json, type JsonObject } from '../store/index.ts';
import { quoteValue } from './conflict-notes.ts';
import { isObject, sameJson } from './json-fields.ts';
import type { ConflictNote } from './types.ts';

/**
 * The rules a merged action follows beyond field-by-field merging, each after CueKeeper's
 * `merge_action` (lib/ck_disk_node.ml). Each rule changes the merged record in place and
 * returns its notes and the fields it settled (whose raw conflicts it replaces).
 */
export interface RuleResult {
  notes: ConflictNote[];
  /** Fields (and their sub-fields) this rule decided: their raw conflicts get no note. */
  settled: string[];
}

const NOTHING: RuleResult = { notes: [], settled: [] };

/** One three-way choice. `conflict` when both sides changed it differently. */
interface Choice {
  value: Json | undefined;
  discarded?: Json;
  conflict: boolean;
}

/**
 * Chooses one value three-way, as CueKeeper's `merge_detail` does: a side that kept the base
 * gives way to the other; when both changed it, a change beats a removal, and of two changes
 * the one whose canonical JSON sorts first is kept (the same on every device).
 */
function chooseValue(base: Json | undefined, ours: Json | undefined, theirs: Json | undefined): Choice {
  if (sameJson(ours, theirs)) return { value: ours, conflict: false };
  if (sameJson(base, ours)) return { value: theirs, conflict: false };
  if (sameJson(base, theirs)) return { value: ours, conflict: false };
  if (ours === undefined || theirs === undefined) return { value: ours ?? theirs, conflict: true };
  const [kept, discarded] = canonicalJson(ours) <= canonicalJson(theirs) ? [ours, theirs] : [theirs, ours];
  return { value: kept, discarded, conflict: true };
}

/** A note on a conflict of one value, shown in `words` (kept, then discarded when there is one). */
function conflictNote(field: string, kept: Json, discarded: Json | undefined, words: (value: Json) => string): ConflictNote {
  if (discarded === undefined) return { field, kept, note: `One device removed “${field}” and the other changed it: kept ${quoteValue(words(kept))}.` };
  return { field, kept, discarded, note: `Both devices changed “${field}”: kept ${quoteValue(words(kept))}, discarded ${quoteValue(words(discarded))}.` };
}

/** An action's state with its day, as one value: CueKeeper's `Waiting_until of date`. */
function scheduleOf(side: JsonObject | undefined): Json | undefined {
  if (side === undefined) return undefined;
  return side.state === 'scheduled' ? { state: 'scheduled', waitUntil: side.waitUntil ?? null } : { state: side.state ?? null };
}

/** A state with its day in words, "scheduled until 2026-03-01" or "waiting": how its notes hold it. */
function scheduleWords(value: Json | undefined): string {
  if (!isObject(value)) return 'none';
  return value.state === 'scheduled' ? `scheduled until ${String(value.waitUntil)}` : String(value.state);
}

/**
 * The state and the day of a scheduled action merge as one value, as CueKeeper's
 * `Waiting_until of date` does (ck_disk_node.ml, `astate`): a merge never leaves a scheduled
 * action without its day, or a day on an action that is not scheduled.
 */
export function mergeSchedule(merged: JsonObject, base: JsonObject | undefined, ours: JsonObject, theirs: JsonObject): RuleResult {
  const choice = chooseValue(scheduleOf(base), scheduleOf(ours), scheduleOf(theirs));
  if (!isObject(choice.value)) return NOTHING;
  const { state, waitUntil } = choice.value;
  if (state === null || state === undefined) delete merged.state;
  else merged.state = state;
  if (state === 'scheduled' && typeof waitUntil === 'string') merged.waitUntil = waitUntil;
  else delete merged.waitUntil;
  const discarded = choice.discarded === undefined ? undefined : scheduleWords(choice.discarded);
  const notes = choice.conflict ? [conflictNote('state', scheduleWords(choice.value), discarded, String)] : [];
  return { notes, settled: ['state', 'waitUntil'] };
}

/** How often a repeat comes round, without its anchor day: one value. */
function cadenceOf(side: JsonObject | undefined): Json | undefined {
  const repeat = side?.repeat;
  if (!isObject(repeat)) return undefined;
  return { every: repeat.every ?? null, unit: repeat.unit ?? null, afterDone: repeat.afterDone === true };
}

function cadenceWords(value: Json | undefined): string {
  if (!isObject(value)) return 'never';
  const unit = value.every === 1 ? String(value.unit) : `${String(value.every)} ${String(value.unit)}s`;
  return value.afterDone === true ? `${unit} after done` : `every ${unit}`;
}

/**
 * A repeat's cadence (`every`, `unit`, `afterDone`) merges as one value, as CueKeeper merges
 * a whole `repeat` (ck_disk_node.ml, `merge_action`), so two devices' edits never mix into a
 * cadence neither chose ("every 2" from one, "months" from the other). Its anchor day `from`
 * merges on its own: a reschedule on one device and a new cadence on the other both survive.
 */
export function mergeCadence(merged: JsonObject, base: JsonObject | undefined, ours: JsonObject, theirs: JsonObject): RuleResult {
  if (!isObject(merged.repeat) || !isObject(ours.repeat) || !isObject(theirs.repeat)) return NOTHING;
  const choice = chooseValue(cadenceOf(base), cadenceOf(ours), cadenceOf(theirs));
  if (!isObject(choice.value)) return NOTHING;
  const { every, unit, afterDone } = choice.value;
  const repeat: JsonObject = { ...merged.repeat, every: every ?? null, unit: unit ?? null, afterDone: true };
  if (afterDone !== true) delete repeat.afterDone;
  merged.repeat = repeat;
  const notes = choice.conflict ? [conflictNote('repeat', choice.value, choice.discarded, cadenceWords)] : [];
  return { notes, settled: ['repeat.every', 'repeat.unit', 'repeat.afterDone'] };
}

const REPEAT_NOT_DONE_NOTE =
  'One device marked this done and the other made it repeat: a repeating action is never done, so it is a next action again.';

/**
 * A repeating action is never done: when one device completed it and the other set a repeat,
 * the merged action is 'next' again, as in CueKeeper (ck_disk_node.ml, `merge_action`: "Set
 * to repeat and marked done").
 */
export function repeatNeverDone(merged: JsonObject): RuleResult {
  if (merged.state !== 'done' || merged.repeat === undefined) return NOTHING;
  merged.state = 'next';
  delete merged.completed;
  return { notes: [{ field: 'state', kept: 'next', discarded: 'done', note: REPEAT_NOT_DONE_NOTE }], settled: ['completed'] };
}

const WAITING_CONTACT_NOTE = 'The devices set different contacts: kept the one this action waits for.';

/**
 * An action merged as waiting for a contact takes its contact from the side that was waiting,
 * as CueKeeper's `merge_waiting_contact` does (ck_disk_node.ml), so it never waits on nobody
 * or on a contact the other side set for another reason.
 */
export function waitingContact(merged: JsonObject, ours: JsonObject, theirs: JsonObject): RuleResult {
  if (merged.state !== 'waiting-for-contact') return NOTHING;
  if (merged.contact === undefined) return waitOnSomeone(merged, ours, theirs);
  if (sameJson(ours.contact, theirs.contact)) return NOTHING;
  const waiting = [ours, theirs].filter((side) => side.state === 'waiting-for-contact');
  const [side] = waiting;
  if (waiting.length !== 1 || side === undefined || side.contact === undefined) return NOTHING;
  const other = side === ours ? theirs : ours;
  merged.contact = side.contact;
  const note: ConflictNote =
    other.contact === undefined ? { field: 'contact', kept: side.contact, note: WAITING_CONTACT_NOTE } : { field: 'contact', kept: side.contact, discarded: other.contact, note: WAITING_CONTACT_NOTE };
  return { notes: [note], settled: ['contact'] };
}

/**
 * An action merged as waiting for a contact but left with none (only a merge across kinds
 * makes one) takes the contact of a side that waited on one, or else just waits.
 */
function waitOnSomeone(merged: JsonObject, ours: JsonObject, theirs: JsonObject): RuleResult {
  const contact = [ours, theirs]
    .filter((side) => side.state === 'waiting-for-contact' && typeof side.contact === 'string')
    .map((side) => String(side.contact))
    .sort()[0];
  if (contact !== undefined) {
    merged.contact = contact;
    return { notes: [{ field: 'contact', kept: contact, note: WAITING_CONTACT_NOTE }], settled: ['contact'] };
  }
  merged.state = 'waiting';
  return { notes: [{ field: 'state', kept: 'waiting', discarded: 'waiting-for-contact', note: 'The merge left no contact to wait for: it now just waits.' }], settled: [] };
}

/**
 * An action merged across kinds (one device converted it) still has its day only when
 * scheduled: a stray day goes, with a note; a scheduled action without one takes the
 * earliest day a scheduled side had.
 */
export function dayFitsState(merged: JsonObject, ours: JsonObject, theirs: JsonObject): RuleResult {
  if (merged.kind !== 'action') return NOTHING;
  const day = merged.waitUntil;
  if (merged.state !== 'scheduled') {
    if (day === undefined) return NOTHING;
    delete merged.waitUntil;
    const note = `The merged action is ${String(merged.state)}, not scheduled: discarded its day ${quoteValue(day)}.`;
    return { notes: [{ field: 'waitUntil', kept: null, discarded: day, note }], settled: ['waitUntil'] };
  }
  if (typeof day === 'string') return NOTHING;
  const days = [ours, theirs].filter((side) => side.state === 'scheduled' && typeof side.waitUntil === 'string').map((side) => String(side.waitUntil)).sort();
  if (days[0] !== undefined) merged.waitUntil = days[0];
  else merged.state = 'next';
  return NOTHING;
}

/**
 * `completed` follows the merged state: only a done record has it, and a done record keeps
 * the earliest completion either side recorded.
 */
export function completedFollowsState(merged: JsonObject, ours: JsonObject, theirs: JsonObject): RuleResult {
  if (merged.kind !== 'action' && merged.kind !== 'project') return NOTHING;
  if (merged.state !== 'done') {
    delete merged.completed;
    return { notes: [], settled: ['completed'] };
  }
  if (merged.completed === undefined) {
    const stamps = [ours.completed, theirs.completed].filter((stamp): stamp is string => typeof stamp === 'string').sort();
    if (stamps[0] !== undefined) merged.completed = stamps[0];
  }
  return NOTHING;
}

/** Fields only an action has: a record merged as another kind drops them. */
const ACTION_ONLY = ['context', 'waitUntil', 'repeat'] as const;

/**
 * A record merged as an area or project (one device converted it) drops what only an action
 * has, as CueKeeper's `as_project` does (ck_disk_node.ml), with a note naming what went.
 */
export function dropActionFields(merged: JsonObject): RuleResult {
  if (merged.kind === 'action') return NOTHING;
  const notes: ConflictNote[] = [];
  for (const field of ACTION_ONLY) {
    const value = merged[field];
    if (value === undefined) continue;
    delete merged[field];
    notes.push({ field, kept: null, discarded: value, note: `Converted to ${merged.kind === 'area' ? 'an area' : 'a project'} on another device, which has no “${field}”: discarded ${quoteValue(value)}.` });
  }
  return { notes, settled: [...ACTION_ONLY] };
}
