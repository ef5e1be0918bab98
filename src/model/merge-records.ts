import { canonicalJson, CONFLICTS_KEY, encodeJson, mergeJsonObjects, parseJsonObject } from '../store/index.ts';
import type { FieldConflict, FileMergeResult, JsonObject, MergeFn } from '../store/index.ts';
import { mergeChecklists } from './checklist.ts';
import { addConflictNotes, quoteValue } from './conflict-notes.ts';
import {
  completedFollowsState,
  dayFitsState,
  dropActionFields,
  mergeCadence,
  mergeSchedule,
  repeatNeverDone,
  waitingContact,
  type RuleResult,
} from './merge-action-rules.ts';
import { hasStates, isStateOf } from './states.ts';
import type { ConflictNote } from './types.ts';

export { addConflictNotes, quoteValue } from './conflict-notes.ts';

/** The paths {@link mergeRecordFile} merges: `items/**.json`, `contacts/*.json`, `contexts/*.json`. */
const RECORD_FILE = /^(?:items\/(?:[^/]+\/)*|contacts\/|contexts\/)[^/]+\.json$/;

/** The line between the two texts of a description both devices changed. */
export const DESCRIPTION_SEPARATOR = '\n\n---\n\n';

/** The note on a record one device deleted and the other edited. */
export const KEPT_OVER_DELETION_NOTE = 'Deleted on another device, kept because it was edited here.';

const DESCRIPTION_NOTE = 'Both devices changed the description: kept both texts, one after the other, between “---” lines.';

/**
 * The merge rule for record files (pass it to `openRepo({ merge })`); returns `undefined` for
 * any other path, and for a side that is not a JSON object, so the store's default applies.
 *
 * - Both sides changed: field by field with the store's `mergeJsonObjects` (a field changed on
 *   one side takes that side's value; changed on both, the value whose canonical JSON sorts
 *   first is kept), every conflict getting a `note` in words. A description both changed keeps
 *   both texts, sorted, joined by {@link DESCRIPTION_SEPARATOR}. A `state` that does not fit
 *   the merged `kind` (one device turned an action into a project, the other changed its
 *   state) is replaced by the state of the side that has that kind, with a note. An action
 *   follows CueKeeper's merge rules (see merge-action-rules.ts): its state and day merge as
 *   one value, so do its repeat's cadence; a repeating action is never done; waiting for a
 *   contact keeps the contact it waits on; `completed` follows the state.
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
  const notes = addConflictNotes(edited[CONFLICTS_KEY], [note]);
  return { data: encodeJson({ ...edited, [CONFLICTS_KEY]: notes }), conflicted: true };
}

function mergeBothSides(base: JsonObject | undefined, ours: JsonObject, theirs: JsonObject): FileMergeResult {
  // A side that did not change the record gives way whole (CueKeeper's `merge` does the same).
  if (base !== undefined && canonicalJson(base) === canonicalJson(ours)) return { data: encodeJson(theirs), conflicted: false };
  if (base !== undefined && canonicalJson(base) === canonicalJson(theirs)) return { data: encodeJson(ours), conflicted: false };
  const result = mergeJsonObjects(base, ours, theirs);
  const merged: JsonObject = { ...result.merged };
  const { conflicts } = result;
  const rules: RuleResult[] = [mergeDescription(merged, base, conflicts), fitStateToKind(merged, ours, theirs)];
  if (merged.kind === 'action' && ours.kind === 'action' && theirs.kind === 'action') {
    rules.push(mergeSchedule(merged, base, ours, theirs), mergeCadence(merged, base, ours, theirs));
  }
  rules.push(dropActionFields(merged), repeatNeverDone(merged), waitingContact(merged, ours, theirs), dayFitsState(merged, ours, theirs));
  rules.push(completedFollowsState(merged, ours, theirs));
  const settled = rules.flatMap((rule) => rule.settled);
  const isSettled = (field: string): boolean => settled.some((done) => field === done || field.startsWith(`${done}.`));
  const notes = [...rules.flatMap((rule) => rule.notes), ...conflicts.filter((conflict) => !isSettled(conflict.field)).map(describeConflict)];
  // mergeJsonObjects recorded its conflicts without words: replace them by the worded notes.
  const raw = new Set(conflicts.map((conflict) => canonicalJson(bareConflict(conflict))));
  const earlier = addConflictNotes(merged[CONFLICTS_KEY], []).filter((note) => !raw.has(canonicalJson(note)));
  if (notes.length === 0) {
    if (earlier.length > 0) merged[CONFLICTS_KEY] = earlier;
    else delete merged[CONFLICTS_KEY];
    return { data: encodeJson(merged), conflicted: false };
  }
  merged[CONFLICTS_KEY] = addConflictNotes(earlier, notes);
  return { data: encodeJson(merged), conflicted: true };
}

/**
 * A description both devices changed keeps both texts, as CueKeeper's `merge_description`
 * does; unless they only ticked different boxes of its checklist, which merge box by box.
 */
function mergeDescription(merged: JsonObject, base: JsonObject | undefined, conflicts: readonly FieldConflict[]): RuleResult {
  const conflict = conflicts.find((each) => each.field === 'description');
  if (!conflict || typeof conflict.kept !== 'string' || typeof conflict.discarded !== 'string') return { notes: [], settled: [] };
  const ticked = typeof base?.description === 'string' ? mergeChecklists(base.description, conflict.kept, conflict.discarded) : undefined;
  if (ticked !== undefined) {
    merged.description = ticked;
    return { notes: [], settled: ['description'] };
  }
  const both = [conflict.kept, conflict.discarded].sort().join(DESCRIPTION_SEPARATOR);
  merged.description = both;
  return { notes: [{ field: 'description', kept: both, note: DESCRIPTION_NOTE }], settled: ['description'] };
}

/**
 * When the merged `state` does not fit the merged `kind` (a project cannot be "next"), takes
 * the state of the side that has that kind, with a note saying so (CueKeeper, whose states
 * live inside the kind, converts the mismatch the same way: ck_disk_node.ml, `merge`).
 */
function fitStateToKind(merged: JsonObject, ours: JsonObject, theirs: JsonObject): RuleResult {
  const kind = merged.kind;
  const state = merged.state;
  if (!hasStates(kind) || isStateOf(kind, state)) return { notes: [], settled: [] };
  const fitting = [ours, theirs]
    .filter((side) => side.kind === kind && isStateOf(kind, side.state))
    .map((side) => String(side.state))
    .sort()[0];
  if (fitting === undefined) return { notes: [], settled: [] };
  merged.state = fitting;
  const article = kind === 'action' ? 'an' : 'a';
  const shown = state === undefined ? 'without a state' : quoteValue(state);
  const dropped = state === undefined ? '' : `, discarded ${quoteValue(state)}`;
  const note = `The merged record is ${article} ${kind}, which cannot be ${shown}: kept ${quoteValue(fitting)}${dropped}.`;
  return { notes: [state === undefined ? { field: 'state', kept: fitting, note } : { field: 'state', kept: fitting, discarded: state, note }], settled: ['state'] };
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

function bareConflict({ field, kept, discarded }: FieldConflict): ConflictNote {
  return discarded === undefined ? { field, kept } : { field, kept, discarded };
}
