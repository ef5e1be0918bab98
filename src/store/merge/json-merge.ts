import { canonicalJson, getField, isJsonObject, jsonEqual, setField } from '../json.ts';
import type { Json, JsonObject } from '../json.ts';

/**
 * The top-level field of a record that holds its conflict notes: an array of
 * {@link FieldConflict} objects the user can read and dismiss (by removing entries).
 */
export const CONFLICTS_KEY = '_conflicts';

/** A field both sides of a merge changed in different ways; one value was kept, none dropped. */
export interface FieldConflict {
  /**
   * Dotted path of the field inside the record, e.g. `notes.text`; a `.` or `\` inside a key is
   * escaped with a backslash (`a\.b` is the single key `a.b`).
   */
  field: string;
  /** The value the merged record holds at `field`. */
  kept: Json;
  /** The other side's value; absent when the other side deleted the field. */
  discarded?: Json;
}

/** What {@link mergeJsonObjects} returns. */
export interface JsonMergeResult {
  /** The merged record; it may share unchanged sub-values with the inputs, so treat it as immutable. */
  merged: JsonObject;
  /** The conflicts this merge found (also recorded in `merged._conflicts`). */
  conflicts: FieldConflict[];
}

/**
 * Three-way merge of two versions of a JSON record, field by field, recursing into objects
 * both sides changed. A field changed on one side only takes that side's value (deletion
 * included). A field both sides changed differently keeps the value whose
 * {@link canonicalJson} sorts first, so the result does not depend on which side is "ours",
 * and records the other value in a {@link FieldConflict}; a field one side deleted and the
 * other changed keeps the change, with a conflict without `discarded`. Arrays and scalars are
 * merged as whole values. `base` undefined means both sides created the record.
 *
 * The top-level {@link CONFLICTS_KEY} field merges as a set of notes: a note either side adds
 * is kept, a note the base had is dropped if either side dismissed it, and this merge's new
 * conflicts are added. The notes are deduplicated and sorted by their canonical JSON. Nested
 * `_conflicts` keys are ordinary fields.
 *
 * @example
 * mergeJsonObjects({ a: 1 }, { a: 2 }, { a: 3 });
 * // { merged: { a: 2, _conflicts: [{ field: 'a', kept: 2, discarded: 3 }] },
 * //   conflicts: [{ field: 'a', kept: 2, discarded: 3 }] }
 */
export function mergeJsonObjects(
  base: JsonObject | undefined,
  ours: JsonObject,
  theirs: JsonObject,
): JsonMergeResult {
  const conflicts: FieldConflict[] = [];
  const merged = mergeObjects(base ?? {}, ours, theirs, '', conflicts, true);
  const notes = mergeNotes(
    base === undefined ? undefined : getField(base, CONFLICTS_KEY),
    getField(ours, CONFLICTS_KEY),
    getField(theirs, CONFLICTS_KEY),
    conflicts,
  );
  if (notes !== undefined) setField(merged, CONFLICTS_KEY, notes);
  return { merged, conflicts };
}

function mergeObjects(
  base: JsonObject,
  ours: JsonObject,
  theirs: JsonObject,
  prefix: string,
  conflicts: FieldConflict[],
  topLevel: boolean,
): JsonObject {
  const keys = new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)]);
  const merged: JsonObject = {};
  for (const key of [...keys].sort()) {
    if (topLevel && key === CONFLICTS_KEY) continue;
    const field = prefix + escapeKey(key);
    const value = mergeValues(getField(base, key), getField(ours, key), getField(theirs, key), field, conflicts);
    if (value !== undefined) setField(merged, key, value);
  }
  return merged;
}

function mergeValues(
  base: Json | undefined,
  ours: Json | undefined,
  theirs: Json | undefined,
  field: string,
  conflicts: FieldConflict[],
): Json | undefined {
  if (jsonEqual(ours, theirs)) return ours;
  if (jsonEqual(base, ours)) return theirs;
  if (jsonEqual(base, theirs)) return ours;
  if (ours === undefined || theirs === undefined) {
    const kept = ours === undefined ? (theirs as Json) : ours;
    conflicts.push({ field, kept });
    return kept;
  }
  if (isJsonObject(ours) && isJsonObject(theirs)) {
    return mergeObjects(isJsonObject(base) ? base : {}, ours, theirs, `${field}.`, conflicts, false);
  }
  const [kept, discarded] = canonicalJson(ours) <= canonicalJson(theirs) ? [ours, theirs] : [theirs, ours];
  conflicts.push({ field, kept, discarded });
  return kept;
}

function escapeKey(key: string): string {
  return key.replace(/[\\.]/g, (char) => `\\${char}`);
}

/**
 * The merged `_conflicts` value, or `undefined` to leave the key out. With no new conflicts
 * and one side untouched, the other side's value is taken as it is (absence included).
 */
function mergeNotes(
  base: Json | undefined,
  ours: Json | undefined,
  theirs: Json | undefined,
  added: readonly FieldConflict[],
): Json | undefined {
  if (added.length === 0) {
    if (jsonEqual(ours, theirs) || jsonEqual(base, ours)) return theirs;
    if (jsonEqual(base, theirs)) return ours;
  }
  const baseNotes = noteMap(base);
  const ourNotes = noteMap(ours);
  const theirNotes = noteMap(theirs);
  const notes = new Map<string, Json>();
  for (const side of [ourNotes, theirNotes]) {
    for (const [text, note] of side) {
      if (baseNotes.has(text) && !(ourNotes.has(text) && theirNotes.has(text))) continue;
      notes.set(text, note);
    }
  }
  for (const conflict of added) {
    const note = noteOf(conflict);
    notes.set(canonicalJson(note), note);
  }
  if (notes.size === 0 && ours === undefined && theirs === undefined) return undefined;
  return [...notes.keys()].sort().map((text) => notes.get(text) as Json);
}

function noteOf(conflict: FieldConflict): JsonObject {
  const { field, kept, discarded } = conflict;
  return discarded === undefined ? { field, kept } : { field, kept, discarded };
}

/** The notes of one side keyed by canonical JSON; a stray non-array value counts as one note. */
function noteMap(value: Json | undefined): Map<string, Json> {
  const notes = new Map<string, Json>();
  if (value === undefined) return notes;
  for (const note of Array.isArray(value) ? value : [value]) notes.set(canonicalJson(note), note);
  return notes;
}
