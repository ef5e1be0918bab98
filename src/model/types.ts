import type { FieldConflict } from '../store/index.ts';

/** Calendar day, `YYYY-MM-DD`, in the user's local time zone. */
export type Day = string;

/** States of an action (CueKeeper's, plus an inbox for captures not yet processed). */
export type ActionState = 'inbox' | 'next' | 'waiting' | 'waiting-for-contact' | 'scheduled' | 'future' | 'done';

/** States of a project. */
export type ProjectState = 'active' | 'someday' | 'done';

/** A repeat rule: every `every` units, counted from `from`. */
export interface Repeat {
  every: number;
  unit: 'day' | 'week' | 'month' | 'year';
  from: Day;
}

/** A note the merge left on a record: a value it had to discard, or a link it repaired. */
export type ConflictNote = FieldConflict & {
  /** Words for the person, e.g. "Both devices renamed this; kept “B”, discarded “A”." */
  note?: string;
};

/** Fields every record has. */
interface RecordBase {
  id: string;
  name: string;
  /** ISO timestamp of creation. */
  created: string;
  /** Markdown. */
  description?: string;
  starred?: boolean;
  /** Notes left by merges, shown until dismissed. */
  _conflicts?: ConflictNote[];
}

/** An area of responsibility: holds sub-areas, projects and actions. */
export interface AreaRecord extends RecordBase {
  kind: 'area';
  parent?: string;
  contact?: string;
}

/** A project: an outcome needing several actions; holds sub-projects and actions. */
export interface ProjectRecord extends RecordBase {
  kind: 'project';
  parent?: string;
  state: ProjectState;
  contact?: string;
  /** ISO timestamp of completion, when done. */
  completed?: string;
}

/** A single next step. */
export interface ActionRecord extends RecordBase {
  kind: 'action';
  parent?: string;
  state: ActionState;
  context?: string;
  /** Who it is for, or (state 'waiting-for-contact') who we wait on. */
  contact?: string;
  /** The day a scheduled action becomes due. */
  waitUntil?: Day;
  repeat?: Repeat;
  /** ISO timestamp of completion, when done. */
  completed?: string;
}

/** A person to wait on or work with. */
export interface ContactRecord extends RecordBase {
  kind: 'contact';
  email?: string;
}

/** Where or with what an action can be done (@home, @computer). */
export interface ContextRecord extends RecordBase {
  kind: 'context';
}

/** Areas, projects and actions: the records that form the tree. */
export type ItemRecord = AreaRecord | ProjectRecord | ActionRecord;

/** Every record the app stores. */
export type AnyRecord = ItemRecord | ContactRecord | ContextRecord;

export type RecordKind = AnyRecord['kind'];
export type ItemKind = ItemRecord['kind'];
