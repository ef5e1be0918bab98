import { canonicalJson, type Json } from '../store/index.ts';
import { isObject } from './json-fields.ts';
import type { AnyRecord, ConflictNote } from './types.ts';

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

/** True for a value shaped as a merge note: an object with a text `field` and a `kept` value. */
export function isConflictNote(value: Json): value is Json & ConflictNote {
  return (
    isObject(value) &&
    typeof value.field === 'string' &&
    'kept' in value &&
    (value.note === undefined || typeof value.note === 'string')
  );
}

/**
 * A note as the app reads it. A value that is not shaped as a note (only a hand edit makes
 * one) is kept whole inside a note saying so, so no merge ever drops it.
 */
function readNote(value: Json): ConflictNote {
  if (isConflictNote(value)) return value;
  return { field: '_conflicts', kept: value, note: 'A merge note this app could not read; its value is kept here.' };
}

/** A `_conflicts` value as a list; a stray non-list value counts as one note. */
function listOf(value: Json | undefined): Json[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * A record's `_conflicts` list with `added` notes: without duplicates, sorted by canonical
 * JSON as the store's merge sorts them, so every device writes the same bytes.
 */
export function addConflictNotes(existing: Json | undefined, added: readonly ConflictNote[]): ConflictNote[] {
  const notes = new Map<string, ConflictNote>();
  for (const note of [...listOf(existing).map(readNote), ...added]) notes.set(canonicalJson(note), note);
  return [...notes.keys()].sort().map((key) => notes.get(key) as ConflictNote);
}

/** A record with `added` merge notes in its `_conflicts` list (see {@link addConflictNotes}). */
export function withConflictNotes<T extends AnyRecord>(record: T, added: readonly ConflictNote[]): T {
  return { ...record, _conflicts: addConflictNotes(record._conflicts, added) };
}
