import { parseDay } from '../dates.ts';
import { ModelError } from '../errors.ts';
import { canPlace } from '../guards.ts';
import { kindWithArticle, quoteName } from '../record-name.ts';
import { repeatProblem } from '../repeat.ts';
import type { Snapshot } from '../snapshot.ts';
import { isStateOf, STATES } from '../states.ts';
import type { AnyRecord, RecordKind, Repeat } from '../types.ts';
import { enforce } from './shared.ts';

/** The fields a command may set on each kind (everything else is the model's own). */
export const EDITABLE_FIELDS: Record<RecordKind, ReadonlySet<string>> = {
  area: new Set(['name', 'description', 'starred', 'parent', 'contact']),
  project: new Set(['name', 'description', 'starred', 'parent', 'contact', 'state', 'deadline']),
  action: new Set(['name', 'description', 'starred', 'parent', 'contact', 'state', 'context', 'waitUntil', 'deadline', 'repeat']),
  contact: new Set(['name', 'description', 'starred', 'email']),
  context: new Set(['name', 'description', 'starred']),
};


/**
 * The longest notes (`description`) a command writes, in characters: about 100 KB, dozens of
 * pages. A record's file is rewritten whole on every change, sent whole by every sync and merged
 * field by field, so a runaway paste (megabytes) would slow each of those for as long as it stays.
 */
export const MAX_DESCRIPTION_CHARS = 100_000;

/** Throws an 'invalid' ModelError when `description` is longer than {@link MAX_DESCRIPTION_CHARS}. */
export function checkDescriptionSize(description: string, data: Record<string, unknown> = {}): void {
  if (description.length <= MAX_DESCRIPTION_CHARS) return;
  const size = description.length.toLocaleString('en-US');
  invalid(`Notes can hold at most ${MAX_DESCRIPTION_CHARS.toLocaleString('en-US')} characters; these have ${size}. Keep long documents elsewhere and link to them.`, data);
}

function invalid(message: string, data: Record<string, unknown> = {}): never {
  throw new ModelError('invalid', message, data);
}

/** Throws an 'invalid' ModelError when `fields` names one a `kind` does not have. */
export function checkFieldsAllowed(kind: RecordKind, fields: Iterable<string>): void {
  for (const field of fields) {
    if (!EDITABLE_FIELDS[kind].has(field)) invalid(`${capitalize(kindWithArticle(kind))} has no ${field}.`, { field });
  }
}

/**
 * Checks the `fields` of a record a command is about to write: a name that is not blank,
 * references to records of the right kind (`parent` an area or project that may hold it,
 * `context` a context, `contact` a contact), real dates, a usable repeat, and a state that
 * fits its fields (waiting-for-contact has a contact, scheduled has a day, only scheduled has
 * one). Throws 'invalid' for bad input, 'refused' when the tree's rules forbid the parent.
 */
export function checkRecord(snapshot: Snapshot, record: AnyRecord, fields: ReadonlySet<string>): void {
  const data = { id: record.id };
  if (fields.has('name') && (typeof record.name !== 'string' || record.name.trim() === '')) invalid('A name cannot be empty.', data);
  if (fields.has('description') && record.description !== undefined && typeof record.description !== 'string') invalid('Notes must be text.', data);
  if (fields.has('description') && typeof record.description === 'string') checkDescriptionSize(record.description, data);
  if (fields.has('starred') && record.starred !== undefined && typeof record.starred !== 'boolean') invalid('"starred" must be true or false.', data);
  if (record.kind === 'contact' && fields.has('email') && record.email !== undefined && typeof record.email !== 'string') invalid('An email address must be text.', data);
  if (record.kind === 'contact' || record.kind === 'context') return;
  if (fields.has('parent') && record.parent !== undefined) {
    const parent = snapshot.records.get(record.parent);
    if (parent === undefined) invalid(`There is no area or project with id ${record.parent}.`, data);
    else if (parent.kind !== 'area' && parent.kind !== 'project') invalid(`${quoteName(parent.name)} is ${kindWithArticle(parent.kind)}; only areas and projects can hold items.`, data);
    enforce(canPlace(snapshot, record, record.parent), data);
  }
  if (fields.has('contact') && record.contact !== undefined) checkReference(snapshot, record.contact, 'contact');
  if (record.kind === 'area') return;
  if (fields.has('state') && !isStateOf(record.kind, record.state)) {
    invalid(`${JSON.stringify(record.state)} is not a state of ${kindWithArticle(record.kind)}: use ${STATES[record.kind].join(', ')}.`, data);
  }
  if (fields.has('deadline') && record.deadline !== undefined && parseDay(record.deadline) === undefined) {
    invalid(`${JSON.stringify(record.deadline)} is not a YYYY-MM-DD date.`, data);
  }
  if (record.kind === 'project') return;
  if (fields.has('context') && record.context !== undefined) checkReference(snapshot, record.context, 'context');
  if (fields.has('waitUntil') && record.waitUntil !== undefined && parseDay(record.waitUntil) === undefined) {
    invalid(`${JSON.stringify(record.waitUntil)} is not a YYYY-MM-DD date.`, data);
  }
  if (fields.has('repeat') && record.repeat !== undefined) checkRepeatShape(record.repeat);
  if (['state', 'contact', 'waitUntil'].some((field) => fields.has(field))) {
    const name = quoteName(record.name);
    if (record.state === 'waiting-for-contact' && record.contact === undefined) invalid(`${name} waits for a contact: choose who.`, data);
    if (record.state === 'scheduled' && record.waitUntil === undefined) invalid(`${name} is scheduled: choose the day it becomes due.`, data);
    if (record.state !== 'scheduled' && record.waitUntil !== undefined) invalid(`Only a scheduled action waits until a day; ${name} is ${record.state}.`, data);
  }
}

function checkReference(snapshot: Snapshot, id: string, kind: 'contact' | 'context'): void {
  const target = snapshot.records.get(id);
  if (target === undefined) invalid(`There is no ${kind} with id ${id}.`, { [kind]: id });
  else if (target.kind !== kind) invalid(`${quoteName(target.name)} is ${kindWithArticle(target.kind)}, not ${kindWithArticle(kind)}.`, { [kind]: id });
}

function checkRepeatShape(repeat: Repeat): void {
  if (typeof repeat !== 'object' || repeat === null) invalid('A repeat must be { every, unit, from }.');
  const problem = repeatProblem(repeat);
  if (problem) invalid(problem, { repeat });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
