import type { Sexp } from './sexp.ts';

/**
 * CueKeeper's records as its `ck_disk_node.ml` declares them, read from the s-expressions
 * `[@@deriving sexp]` writes: a record is a list of `(field value)` pairs, an option field
 * is left out when `None`, a list field (`conflicts`) when empty; `astarred`/`pstarred`
 * default to false. Each reader throws a {@link CkShapeError} naming what does not fit.
 */

/** A calendar date as CueKeeper keeps it (`Ck_time.user_date`): the month counts from 0. */
export interface CkDate {
  year: number;
  month0: number;
  day: number;
}

/** `node_details`: what every CueKeeper node has. */
export interface CkDetails {
  parent?: string;
  name: string;
  description: string;
  /** Seconds since 1970 (`Unix.gettimeofday`). */
  ctime: number;
  contact?: string;
  conflicts: string[];
}

export type CkActionState =
  | { kind: 'Next' | 'Waiting' | 'Waiting_for_contact' | 'Future' | 'Done' }
  | { kind: 'Waiting_until'; date: CkDate | { unixTime: number } };

export interface CkRepeat {
  n: number;
  unit: 'Day' | 'Week' | 'Month' | 'Year';
  from: CkDate | { unixTime: number };
}

/** An area, project or action (`apa`). */
export type CkNode =
  | { kind: 'Area'; details: CkDetails }
  | { kind: 'Project'; starred: boolean; state: 'Active' | 'SomedayMaybe' | 'Done'; details: CkDetails }
  | { kind: 'Action'; starred: boolean; state: CkActionState; context?: string; repeat?: CkRepeat; details: CkDetails };

/** A value that is not shaped as CueKeeper writes it. */
export class CkShapeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CkShapeError';
  }
}

function fail(reason: string): never {
  throw new CkShapeError(reason);
}

function show(value: Sexp): string {
  const text = typeof value === 'string' ? value : `(${value.map(show).join(' ')})`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function atom(value: Sexp | undefined, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a single value, not ${value === undefined ? 'missing' : show(value)}`);
  return value;
}

function list(value: Sexp | undefined, what: string): Sexp[] {
  if (!Array.isArray(value)) fail(`${what} must be a list, not ${value === undefined ? 'missing' : show(value)}`);
  return value;
}

function number(value: Sexp | undefined, what: string, integer: boolean): number {
  const text = atom(value, what);
  const parsed = Number(text);
  if (text.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) fail(`${what} must be ${integer ? 'a whole number' : 'a number'}, not ${show(text)}`);
  return parsed;
}

function bool(value: Sexp | undefined, what: string): boolean {
  const text = atom(value, what);
  if (text !== 'true' && text !== 'false') fail(`${what} must be true or false, not ${show(text)}`);
  return text === 'true';
}

function oneOf<T extends string>(value: Sexp | undefined, allowed: readonly T[], what: string): T {
  const text = atom(value, what);
  if (!(allowed as readonly string[]).includes(text)) fail(`${what} must be one of ${allowed.join(', ')}, not ${show(text)}`);
  return text as T;
}

/** The fields of a sexp record, each name once, none but `known`. */
function fields(value: Sexp, known: readonly string[], what: string): Map<string, Sexp> {
  const out = new Map<string, Sexp>();
  for (const entry of list(value, what)) {
    const pair = list(entry, `a field of ${what}`);
    const name = atom(pair[0], `a field name of ${what}`);
    if (pair.length !== 2) fail(`the field “${name}” of ${what} must hold exactly one value`);
    if (!known.includes(name)) fail(`${what} has an unknown field “${name}”`);
    if (out.has(name)) fail(`${what} has the field “${name}” twice`);
    out.set(name, pair[1] as Sexp);
  }
  return out;
}

function required(map: Map<string, Sexp>, name: string, what: string): Sexp {
  const value = map.get(name);
  if (value === undefined) fail(`${what} has no “${name}”`);
  return value;
}

/** A `user_date`: `(year month0 day)`, or, in CueKeeper's first format, seconds since 1970. */
function readDate(value: Sexp | undefined, what: string): CkDate | { unixTime: number } {
  if (typeof value === 'string') return { unixTime: number(value, what, false) };
  const parts = list(value, what);
  if (parts.length !== 3) fail(`${what} must be (year month day), not ${value === undefined ? 'missing' : show(value)}`);
  return { year: number(parts[0], `${what}'s year`, true), month0: number(parts[1], `${what}'s month`, true), day: number(parts[2], `${what}'s day`, true) };
}

/** An optional id: absent, or (CueKeeper before April 2015) the empty string for "none". */
function optionalId(map: Map<string, Sexp>, name: string, what: string): string | undefined {
  const value = map.get(name);
  if (value === undefined) return undefined;
  const id = atom(value, `${what}'s ${name}`);
  return id === '' ? undefined : id;
}

const DETAIL_FIELDS = ['parent', 'name', 'description', 'ctime', 'contact', 'conflicts'] as const;

/** `node_details`. */
export function readDetails(value: Sexp, what: string): CkDetails {
  const map = fields(value, DETAIL_FIELDS, what);
  const conflicts = map.has('conflicts') ? list(map.get('conflicts'), `${what}'s conflicts`).map((note) => atom(note, `a conflict note of ${what}`)) : [];
  const details: CkDetails = {
    name: atom(required(map, 'name', what), `${what}'s name`),
    description: atom(required(map, 'description', what), `${what}'s description`),
    ctime: number(required(map, 'ctime', what), `${what}'s ctime`, false),
    conflicts,
  };
  const parent = optionalId(map, 'parent', what);
  const contact = optionalId(map, 'contact', what);
  if (parent !== undefined) details.parent = parent;
  if (contact !== undefined) details.contact = contact;
  return details;
}

const SIMPLE_STATES = ['Next', 'Waiting', 'Waiting_for_contact', 'Future', 'Done'] as const;

function readActionState(value: Sexp | undefined, what: string): CkActionState {
  if (typeof value === 'string') return { kind: oneOf(value, SIMPLE_STATES, what) };
  const parts = list(value, what);
  if (parts[0] !== 'Waiting_until' || parts.length !== 2) fail(`${what} must be Next, Waiting, Waiting_for_contact, (Waiting_until date), Future or Done, not ${value === undefined ? 'missing' : show(value)}`);
  return { kind: 'Waiting_until', date: readDate(parts[1], `${what}'s date`) };
}

function readRepeat(value: Sexp, what: string): CkRepeat {
  const map = fields(value, ['repeat_n', 'repeat_unit', 'repeat_from'], what);
  return {
    n: number(required(map, 'repeat_n', what), `${what}'s repeat_n`, true),
    unit: oneOf(required(map, 'repeat_unit', what), ['Day', 'Week', 'Month', 'Year'] as const, `${what}'s repeat_unit`),
    from: readDate(required(map, 'repeat_from', what), `${what}'s repeat_from`),
  };
}

/** Two values in a list: a variant's tuple argument `(details node_details)`. */
function pairOf(value: Sexp | undefined, what: string): [Sexp, Sexp] {
  const parts = list(value, what);
  if (parts.length !== 2) fail(`${what} must hold its state and its details, not ${value === undefined ? 'missing' : show(value)}`);
  return [parts[0] as Sexp, parts[1] as Sexp];
}

/** An `apa`: `(Area details)`, `(Project (project_details details))` or `(Action (action_details details))`. */
export function readNode(value: Sexp): CkNode {
  const parts = list(value, 'the record');
  const kind = parts[0];
  if (parts.length !== 2 || (kind !== 'Area' && kind !== 'Project' && kind !== 'Action')) {
    fail(`the record must be (Area …), (Project …) or (Action …), not ${show(value)}`);
  }
  const body = parts[1] as Sexp;
  if (kind === 'Area') return { kind, details: readDetails(body, 'the area') };
  const [own, details] = pairOf(body, `the ${kind.toLowerCase()}`);
  if (kind === 'Project') {
    const map = fields(own, ['pstarred', 'pstate'], 'the project');
    const starred = map.has('pstarred') ? bool(map.get('pstarred'), 'pstarred') : false;
    const state = oneOf(required(map, 'pstate', 'the project'), ['Active', 'SomedayMaybe', 'Done'] as const, 'pstate');
    return { kind, starred, state, details: readDetails(details, 'the project') };
  }
  const map = fields(own, ['astarred', 'astate', 'context', 'repeat'], 'the action');
  const node: CkNode = {
    kind,
    starred: map.has('astarred') ? bool(map.get('astarred'), 'astarred') : false,
    state: readActionState(required(map, 'astate', 'the action'), 'astate'),
    details: readDetails(details, 'the action'),
  };
  const context = optionalId(map, 'context', 'the action');
  if (context !== undefined) node.context = context;
  const repeat = map.get('repeat');
  if (repeat !== undefined) node.repeat = readRepeat(repeat, 'the repeat');
  return node;
}
