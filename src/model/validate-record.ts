import { parseJsonObject, type JsonObject } from '../store/index.ts';
import { idFromPath } from './paths.ts';
import type { AnyRecord } from './types.ts';

/** A file that could not be read as a record; shown in the problems list, never thrown. */
export interface MalformedRecord {
  path: string;
  reason: string;
}

const ACTION_STATES = new Set(['inbox', 'next', 'waiting', 'waiting-for-contact', 'scheduled', 'future', 'done']);
const PROJECT_STATES = new Set(['active', 'someday', 'done']);
const REPEAT_UNITS = new Set(['day', 'week', 'month', 'year']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Check = (record: JsonObject) => string | undefined;

const optionalString = (field: string): Check => (r) =>
  r[field] === undefined || typeof r[field] === 'string' ? undefined : `"${field}" must be text`;
const optionalDay = (field: string): Check => (r) =>
  r[field] === undefined || (typeof r[field] === 'string' && DAY.test(r[field])) ? undefined : `"${field}" must be a YYYY-MM-DD date`;
const oneOf = (field: string, allowed: ReadonlySet<string>): Check => (r) =>
  typeof r[field] === 'string' && allowed.has(r[field]) ? undefined : `"${field}" must be one of ${[...allowed].join(', ')}`;

const checkRepeat: Check = (r) => {
  const repeat = r.repeat;
  if (repeat === undefined) return undefined;
  if (typeof repeat !== 'object' || repeat === null || Array.isArray(repeat)) return '"repeat" must be an object';
  const { every, unit, from } = repeat as JsonObject;
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > 1000) return '"repeat.every" must be a whole number from 1 to 1000';
  if (typeof unit !== 'string' || !REPEAT_UNITS.has(unit)) return '"repeat.unit" must be day, week, month or year';
  if (typeof from !== 'string' || !DAY.test(from)) return '"repeat.from" must be a YYYY-MM-DD date';
  return undefined;
};

const COMMON: Check[] = [
  (r) => (typeof r.name === 'string' ? undefined : '"name" must be text'),
  (r) => (typeof r.created === 'string' ? undefined : '"created" must be a timestamp'),
  optionalString('description'),
  (r) => (r.starred === undefined || typeof r.starred === 'boolean' ? undefined : '"starred" must be true or false'),
  (r) => (r._conflicts === undefined || Array.isArray(r._conflicts) ? undefined : '"_conflicts" must be a list'),
];

const BY_KIND: Record<string, Check[]> = {
  area: [optionalString('parent'), optionalString('contact')],
  project: [optionalString('parent'), optionalString('contact'), oneOf('state', PROJECT_STATES), optionalString('completed')],
  action: [
    optionalString('parent'),
    optionalString('context'),
    optionalString('contact'),
    oneOf('state', ACTION_STATES),
    optionalDay('waitUntil'),
    checkRepeat,
    optionalString('completed'),
  ],
  contact: [optionalString('email')],
  context: [],
};

/** The folder each kind must live in. */
function folderOf(kind: string): string {
  return kind === 'contact' ? 'contacts' : kind === 'context' ? 'contexts' : 'items';
}

/**
 * Reads a record file, checking its shape: the kind matches its folder, the id its file name,
 * every field its type. Anything else is a MalformedRecord naming the problem.
 */
export function parseRecord(path: string, bytes: Uint8Array): AnyRecord | MalformedRecord {
  const id = idFromPath(path);
  if (id === undefined) return { path, reason: 'the file name is not a record id' };
  const record = parseJsonObject(bytes);
  if (!record) return { path, reason: 'it is not a JSON object' };
  const kind = record.kind;
  if (typeof kind !== 'string' || !(kind in BY_KIND)) return { path, reason: '"kind" must be area, project, action, contact or context' };
  if (!path.startsWith(`${folderOf(kind)}/`)) return { path, reason: `a ${kind} does not belong in ${path.split('/')[0]}/` };
  if (record.id !== id) return { path, reason: `"id" must be the file name (${id})` };
  for (const check of [...COMMON, ...(BY_KIND[kind] as Check[])]) {
    const problem = check(record);
    if (problem) return { path, reason: problem };
  }
  return record as unknown as AnyRecord;
}

/** True when {@link parseRecord} could not read the file. */
export function isMalformed(result: AnyRecord | MalformedRecord): result is MalformedRecord {
  return 'reason' in result && 'path' in result && !('kind' in result);
}
