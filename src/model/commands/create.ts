import { addDays, todayOf } from '../dates.ts';
import { ModelError } from '../errors.ts';
import { isRecordId } from '../paths.ts';
import { messageName } from '../record-name.ts';
import { nextOccurrence } from '../repeat.ts';
import type { Edit, Snapshot } from '../snapshot.ts';
import type { ActionState, AnyRecord, Day, ProjectState, RecordKind, Repeat } from '../types.ts';
import { checkFieldsAllowed, checkRecord, EDITABLE_FIELDS } from './check-record.ts';
import { withoutUndefined } from './shared.ts';

/** What {@link createRecord} needs; fields a kind does not have are refused. */
export interface CreateInput {
  kind: RecordKind;
  name: string;
  /** An area or project (areas: an area) to put the item in; none for the top level. */
  parent?: string;
  state?: ActionState | ProjectState;
  /** Actions: a context record's id. */
  context?: string;
  /** Areas, projects, actions: a contact record's id. */
  contact?: string;
  /** Markdown notes. */
  description?: string;
  starred?: boolean;
  /** Actions: the day a scheduled action becomes due. */
  waitUntil?: Day;
  /** Actions and projects: the day it must be done by. */
  deadline?: Day;
  repeat?: Repeat;
  /** Contacts. */
  email?: string;
}

/**
 * Creates a record: "Create Buy milk" (contacts and contexts: "Create contact Alice").
 *
 * Defaults: a project is active. An action is scheduled when given a `waitUntil` or a
 * `repeat` (a repeating action without a day waits for its first occurrence on or after
 * today), else next when given a parent or context, else in the inbox. A done record is
 * stamped `completed`. The name is trimmed and must not be blank; references must name
 * existing records of the right kind (see checkRecord).
 *
 * @param newId returns a fresh lowercase UUID (e.g. `() => crypto.randomUUID()`).
 * @throws ModelError 'invalid' for bad input, 'refused' for a parent that cannot hold it.
 */
export function createRecord(snapshot: Snapshot, input: CreateInput, now: Date, newId: () => string): Edit {
  const { kind, ...fields } = input;
  if (!Object.hasOwn(EDITABLE_FIELDS, kind)) throw new ModelError('invalid', `Unknown kind of record: ${JSON.stringify(kind)}.`);
  const given = Object.keys(fields).filter((key) => fields[key as keyof typeof fields] !== undefined);
  checkFieldsAllowed(kind, given);
  const id = newId();
  if (!isRecordId(id)) throw new ModelError('invalid', `A new record id must be a lowercase UUID, not ${JSON.stringify(id)}.`, { id });
  if (snapshot.records.has(id)) throw new ModelError('invalid', `The new record id ${id} is already in use.`, { id });
  const record = withoutUndefined({
    ...fields,
    kind,
    id,
    name: typeof input.name === 'string' ? input.name.trim() : input.name,
    created: now.toISOString(),
    starred: input.starred === true ? true : undefined,
    description: input.description === '' ? undefined : input.description,
    ...defaults(input, now),
  }) as AnyRecord;
  checkRecord(snapshot, record, new Set([...EDITABLE_FIELDS[kind], 'name']));
  const label = kind === 'contact' || kind === 'context' ? `${kind} ${messageName(record.name)}` : messageName(record.name);
  return { changes: [{ put: record }], message: `Create ${label}` };
}

function defaults(input: CreateInput, now: Date): Partial<AnyRecord> {
  if (input.kind === 'project') {
    const state = input.state ?? 'active';
    return { state, completed: state === 'done' ? now.toISOString() : undefined } as Partial<AnyRecord>;
  }
  if (input.kind !== 'action') return {};
  const scheduled = input.waitUntil !== undefined || input.repeat !== undefined;
  const state = input.state ?? (scheduled ? 'scheduled' : input.parent !== undefined || input.context !== undefined ? 'next' : 'inbox');
  let waitUntil = input.waitUntil;
  if (waitUntil === undefined && state === 'scheduled' && input.repeat !== undefined) {
    waitUntil = nextOccurrence(input.repeat, addDays(todayOf(now), -1));
  }
  return { state, waitUntil, completed: state === 'done' ? now.toISOString() : undefined } as Partial<AnyRecord>;
}
