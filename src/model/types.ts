import type { Json } from '../store/index.ts';
import type { ActionState, ProjectState, RepeatUnit } from './states.ts';

// Records are declared as type aliases, not interfaces, so each is also a plain JSON object
// (`JsonFields`) without a cast: the merge, the validator and the change descriptions read
// their fields by name.

export type { ActionState, ProjectState, RepeatUnit } from './states.ts';

/** Calendar day, `YYYY-MM-DD`, in the user's local time zone. */
export type Day = string;

/**
 * A repeat rule: every `every` units counted from `from` (a fixed cadence), or, with
 * `afterDone`, `every` units after the day the action was last completed.
 */
export type Repeat = {
  every: number;
  unit: RepeatUnit;
  from: Day;
  /** Counted from each completion ("2 weeks after done") rather than on a fixed cadence. */
  afterDone?: boolean;
};

/** A note the merge left on a record: a value it had to discard, or a link it repaired. */
export type ConflictNote = {
  field: string;
  kept: Json;
  discarded?: Json;
  /** Words for the person, e.g. "Both devices renamed this; kept “B”, discarded “A”." */
  note?: string;
};

/** Fields every record has. */
type RecordBase = {
  id: string;
  name: string;
  /** ISO timestamp of creation. */
  created: string;
  /** Markdown. */
  description?: string;
  starred?: boolean;
  /** Notes left by merges, shown until dismissed. */
  _conflicts?: ConflictNote[];
};

/** An area of responsibility: holds sub-areas, projects and actions. */
export type AreaRecord = RecordBase & {
  kind: 'area';
  parent?: string;
  contact?: string;
};

/** A project: an outcome needing several actions; holds sub-projects and actions. */
export type ProjectRecord = RecordBase & {
  kind: 'project';
  parent?: string;
  state: ProjectState;
  contact?: string;
  /** The day it must be finished by (a deadline, not a start date). */
  deadline?: Day;
  /** ISO timestamp of the last weekly review that looked at it ("Mark reviewed"). */
  reviewed?: string;
  /** ISO timestamp of completion, when done. */
  completed?: string;
};

/** A single next step. */
export type ActionRecord = RecordBase & {
  kind: 'action';
  parent?: string;
  state: ActionState;
  context?: string;
  /** Who it is for, or (state 'waiting-for-contact') who we wait on. */
  contact?: string;
  /** The day a scheduled action becomes due: its start (tickler) date. */
  waitUntil?: Day;
  /** The day it must be done by (a deadline), whatever its state. */
  deadline?: Day;
  repeat?: Repeat;
  /** ISO timestamp of completion, when done. */
  completed?: string;
};

/** A person to wait on or work with. */
export type ContactRecord = RecordBase & {
  kind: 'contact';
  email?: string;
};

/** Where or with what an action can be done (@home, @computer). */
export type ContextRecord = RecordBase & {
  kind: 'context';
};

/** Areas, projects and actions: the records that form the tree. */
export type ItemRecord = AreaRecord | ProjectRecord | ActionRecord;

/** Every record the app stores. */
export type AnyRecord = ItemRecord | ContactRecord | ContextRecord;

export type RecordKind = AnyRecord['kind'];
export type ItemKind = ItemRecord['kind'];

/** A record read as the JSON object its file holds, field by field. */
export type JsonFields = { readonly [field: string]: Json | undefined };
