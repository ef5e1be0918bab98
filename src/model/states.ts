/**
 * The one list of the states an action or a project can be in, and of a repeat's units. The
 * record types, the file validator, the commands and the merge all derive from these lists,
 * so a state added here is known everywhere at once.
 */

/**
 * States of an action: CueKeeper's (`ck_disk_node.ml`, `astate`), with its `Waiting_until
 * date` split into 'scheduled' plus the record's `waitUntil`, and an inbox for captures not
 * yet processed.
 */
export const ACTION_STATES = ['inbox', 'next', 'waiting', 'waiting-for-contact', 'scheduled', 'future', 'done'] as const;

/** States of a project: CueKeeper's `pstate` (Active, SomedayMaybe, Done). */
export const PROJECT_STATES = ['active', 'someday', 'done'] as const;

/** Units a repeat counts in. */
export const REPEAT_UNITS = ['day', 'week', 'month', 'year'] as const;

/** An action's state. */
export type ActionState = (typeof ACTION_STATES)[number];

/** A project's state. */
export type ProjectState = (typeof PROJECT_STATES)[number];

/** A repeat's unit. */
export type RepeatUnit = (typeof REPEAT_UNITS)[number];

/** The states of each kind that has one. */
export const STATES = { action: ACTION_STATES, project: PROJECT_STATES } as const;

/** The kinds of record that have a state. */
export type StatefulKind = keyof typeof STATES;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** True when `value` is a state of an action. */
export function isActionState(value: unknown): value is ActionState {
  return isOneOf(ACTION_STATES, value);
}

/** True when `value` is a state of a project. */
export function isProjectState(value: unknown): value is ProjectState {
  return isOneOf(PROJECT_STATES, value);
}

/** True when `value` is a repeat unit. */
export function isRepeatUnit(value: unknown): value is RepeatUnit {
  return isOneOf(REPEAT_UNITS, value);
}

/** True when `value` is a state a record of `kind` may have. */
export function isStateOf(kind: StatefulKind, value: unknown): boolean {
  return isOneOf<string>(STATES[kind], value);
}

/** True when records of `kind` have a state. */
export function hasStates(kind: unknown): kind is StatefulKind {
  return kind === 'action' || kind === 'project';
}
