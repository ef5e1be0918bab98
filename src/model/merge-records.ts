import { canonicalJson, CONFLICTS_KEY, encodeJson, mergeJsonObjects, parseJsonObject } from '../store/index.ts';
import type { FieldConflict, FileMergeResult, Json, JsonObject, MergeFn } from '../store/index.ts';
import type { ActionState, AnyRecord, ConflictNote, ProjectState } from './types.ts';

/** The paths {@link mergeRecordFile} merges: `items/**.json`, `contacts/*.json`, `contexts/*.json`. */
const RECORD_FILE = /^(?:items\/(?:[^/]+\/)*|contacts\/|contexts\/)[^/]+\.json$/;

/** The line between the two texts of a description both devices changed. */
export const DESCRIPTION_SEPARATOR = '\n\n---\n\n';

/** The note on a record one device deleted and the other edited. */
export const KEPT_OVER_DELETION_NOTE = 'Deleted on another device, kept because it was edited here.';

const DESCRIPTION_NOTE = 'Both devices changed the description: kept both texts, one after the other, between “---” lines.';

// Kept in step with validate-record.ts; the Record types make the compiler check the lists.
const ACTION_STATES: Record<ActionState, true> = {
  inbox: true, next: true, waiting: true, 'waiting-for-contact': true, scheduled: true, future: true, done: true,
};
const PROJECT_STATES: Record<ProjectState, true> = { active: true, someday: true, done: true };
const STATES_OF_KIND: Record<string, Record<string, true> | undefined> = { action: ACTION_STATES, project: PROJECT_STATES };

/**
 * The merge rule for record files (pass it to `openRepo({ merge })`); returns `undefined` for
 * any other path, and for a side that is not a JSON object, so the store's default applies.
 *
 * - Both sides changed: field by field with the store's `mergeJsonObjects` (a field changed on
 *   one side takes that side's value; changed on both, the value whose canonical JSON sorts
 *   first is kept), every conflict getting a `note` in words. A description both changed keeps
 *   both texts, sorted, joined by {@link DESCRIPTION_SEPARATOR}. A `state` that does not fit
 *   the merged `kind` (one device turned an action into a project, the other changed its
 *   state) is replaced by the state of the side that has that kind, with a note.
 * - Deleted on one side, edited on the other: the edited record is kept, with
 *   {@link KEPT_OVER_DELETION_NOTE} (a note on the field `id`, without `discarded`).
 * - Added on both sides: merged against an empty record, as the store does.
 *
 * The output is canonical JSON and depends only on the contents: swapping `ours` and `theirs`
 * gives the same bytes.
 */
export const mergeRecordFile: MergeFn = ({ path, base, ours, theirs }) => {
  if (!RECORD_FILE.test(path)) return undefined;
  const [baseRecord, oursRecord, theirsRecord] = [base, ours, theirs].map((bytes) =>
    bytes === undefined ? undefined : parseJsonObject(bytes),
  );
  if ((base && !baseRecord) || (ours && !oursRecord) || (theirs && !theirsRecord)) return undefined;
  if (oursRecord && theirsRecord) return mergeBothSides(baseRecord, oursRecord, theirsRecord);
  return mergeOverDeletion(baseRecord, oursRecord ?? theirsRecord);
};

/** One side removed the record (or never had it); `edited` is the other side's, if any. */
function mergeOverDeletion(base: JsonObject | undefined, edited: JsonObject | undefined): FileMergeResult {
  if (edited === undefined || (base !== undefined && canonicalJson(base) === canonicalJson(edited))) {
    return { data: undefined, conflicted: false };
  }
  if (base === undefined) return { data: encodeJson(edited), conflicted: false };
  const note: ConflictNote = { field: 'id', kept: edited.id ?? null, note: KEPT_OVER_DELETION_NOTE };
  const notes = addConflictNotes(edited[CONFLICTS_KEY], [note]) as unknown as Json;
  return { data: encodeJson({ ...edited, [CONFLICTS_KEY]: notes }), conflicted: true };
}

function mergeBothSides(base: JsonObject | undefined, ours: JsonObject, theirs: JsonObject): FileMergeResult {
  const { merged, conflicts } = mergeJsonObjects(base, ours, theirs);
  const notes: ConflictNote[] = [];
  for (const conflict of conflicts) {
    const { field, kept, discarded } = conflict;
    if (field === 'description' && typeof kept === 'string' && typeof discarded === 'string') {
      const both = [kept, discarded].sort().join(DESCRIPTION_SEPARATOR);
      merged.description = both;
      notes.push({ field, kept: both, note: DESCRIPTION_NOTE });
    } else if (field !== 'state') {
      notes.push(describeConflict(conflict));
    }
  }
  const stateConflict = conflicts.find((conflict) => conflict.field === 'state');
  const stateFix = fitStateToKind(merged, ours, theirs);
  if (stateFix) notes.push(stateFix);
  else if (stateConflict) notes.push(describeConflict(stateConflict));
  if (notes.length === 0) return { data: encodeJson(merged), conflicted: false };
  // mergeJsonObjects recorded its conflicts without words: replace them by the worded notes.
  const raw = new Set(conflicts.map((conflict) => canonicalJson(bareConflict(conflict) as unknown as Json)));
  const earlier = listOf(merged[CONFLICTS_KEY]).filter((note) => !raw.has(canonicalJson(note)));
  merged[CONFLICTS_KEY] = addConflictNotes(earlier, notes) as unknown as Json;
  return { data: encodeJson(merged), conflicted: true };
}

/**
 * When the merged `state` does not fit the merged `kind` (a project cannot be "next"), takes
 * the state of the side that has that kind, and returns the note saying so.
 */
function fitStateToKind(merged: JsonObject, ours: JsonObject, theirs: JsonObject): ConflictNote | undefined {
  const kind = merged.kind;
  const states = typeof kind === 'string' ? STATES_OF_KIND[kind] : undefined;
  const state = merged.state;
  if (!states || (typeof state === 'string' && Object.hasOwn(states, state))) return undefined;
  const fitting = [ours, theirs]
    .filter((side) => side.kind === kind && typeof side.state === 'string' && Object.hasOwn(states, side.state))
    .map((side) => side.state as string)
    .sort()[0];
  if (fitting === undefined) return undefined;
  merged.state = fitting;
  const article = kind === 'action' ? 'an' : 'a';
  const shown = state === undefined ? 'without a state' : quoteValue(state);
  const dropped = state === undefined ? '' : `, discarded ${quoteValue(state)}`;
  const note = `The merged record is ${article} ${String(kind)}, which cannot be ${shown}: kept ${quoteValue(fitting)}${dropped}.`;
  return state === undefined ? { field: 'state', kept: fitting, note } : { field: 'state', kept: fitting, discarded: state, note };
}

/** A conflict of the store's merge, with the words the person reads. */
function describeConflict(conflict: FieldConflict): ConflictNote {
  const { field, kept, discarded } = conflict;
  const note =
    discarded === undefined
      ? `One device removed “${field}” and the other changed it: kept ${quoteValue(kept)}.`
      : `Both devices changed “${field}”: kept ${quoteValue(kept)}, discarded ${quoteValue(discarded)}.`;
  return { ...bareConflict(conflict), note };
}

function bareConflict({ field, kept, discarded }: FieldConflict): FieldConflict {
  return discarded === undefined ? { field, kept } : { field, kept, discarded };
}

/** Longest value, in characters, a note's words show before cutting it with "…". */
const MAX_SHOWN = 60;

/**
 * A value as a note's words show it: in curly quotes, on one line, cut short with "…" (the
 * note's `kept` and `discarded` hold it whole).
 */
export function quoteValue(value: Json): string {
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return `“${chars.length <= MAX_SHOWN ? text : `${chars.slice(0, MAX_SHOWN - 1).join('').trimEnd()}…`}”`;
}

/** A `_conflicts` value as a list; a stray non-list value counts as one note. */
function listOf(value: Json | undefined): Json[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * A record's `_conflicts` list with `added` notes: without duplicates, sorted by canonical
 * JSON as the store's merge sorts them, so every device writes the same bytes.
 */
export function addConflictNotes(existing: Json | readonly ConflictNote[] | undefined, added: readonly ConflictNote[]): ConflictNote[] {
  const notes = new Map<string, ConflictNote>();
  for (const note of [...listOf(existing as Json | undefined), ...(added as unknown as Json[])]) {
    notes.set(canonicalJson(note), note as unknown as ConflictNote);
  }
  return [...notes.keys()].sort().map((key) => notes.get(key) as ConflictNote);
}

/** A record with `added` merge notes in its `_conflicts` list (see {@link addConflictNotes}). */
export function withConflictNotes<T extends AnyRecord>(record: T, added: readonly ConflictNote[]): T {
  return { ...record, _conflicts: addConflictNotes(record._conflicts, added) };
}
