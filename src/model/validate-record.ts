import { parseJsonObject, type JsonObject } from '../store/index.ts';
import { isConflictNote } from './conflict-notes.ts';
import { idFromPath } from './paths.ts';
import { ACTION_STATES, PROJECT_STATES, REPEAT_UNITS, isRepeatUnit } from './states.ts';
import type { AnyRecord, RecordKind } from './types.ts';

/** A file that could not be read as a record; shown in the problems list, never thrown. */
export interface MalformedRecord {
  path: string;
  reason: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Check = (record: JsonObject) => string | undefined;

const optionalString = (field: string): Check => (r) =>
  r[field] === undefined || typeof r[field] === 'string' ? undefined : `"${field}" must be text`;
const optionalDay = (field: string): Check => (r) =>
  r[field] === undefined || (typeof r[field] === 'string' && DAY.test(r[field])) ? undefined : `"${field}" must be a YYYY-MM-DD date`;
const oneOf = (field: string, allowed: readonly string[]): Check => (r) =>
  typeof r[field] === 'string' && allowed.includes(r[field]) ? undefined : `"${field}" must be one of ${allowed.join(', ')}`;

const checkRepeat: Check = (r) => {
  const repeat = r.repeat;
  if (repeat === undefined) return undefined;
  if (typeof repeat !== 'object' || repeat === null || Array.isArray(repeat)) return '"repeat" must be an object';
  const { every, unit, from, afterDone } = repeat;
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > 1000) return '"repeat.every" must be a whole number from 1 to 1000';
  if (!isRepeatUnit(unit)) return `"repeat.unit" must be one of ${REPEAT_UNITS.join(', ')}`;
  if (typeof from !== 'string' || !DAY.test(from)) return '"repeat.from" must be a YYYY-MM-DD date';
  if (afterDone !== undefined && typeof afterDone !== 'boolean') return '"repeat.afterDone" must be true or false';
  return undefined;
};

const COMMON: Check[] = [
  (r) => (typeof r.name === 'string' ? undefined : '"name" must be text'),
  (r) => (typeof r.created === 'string' ? undefined : '"created" must be a timestamp'),
  optionalString('description'),
  (r) => (r.starred === undefined || typeof r.starred === 'boolean' ? undefined : '"starred" must be true or false'),
  (r) => (r._conflicts === undefined || (Array.isArray(r._conflicts) && r._conflicts.every(isConflictNote)) ? undefined : '"_conflicts" must be a list of merge notes'),
];

const BY_KIND: Record<RecordKind, Check[]> = {
  area: [optionalString('parent'), optionalString('contact')],
  project: [
    optionalString('parent'),
    optionalString('contact'),
    oneOf('state', PROJECT_STATES),
    optionalDay('deadline'),
    optionalString('reviewed'),
    optionalString('completed'),
  ],
  action: [
    optionalString('parent'),
    optionalString('context'),
    optionalString('contact'),
    oneOf('state', ACTION_STATES),
    optionalDay('waitUntil'),
    optionalDay('deadline'),
    checkRepeat,
    optionalString('completed'),
  ],
  contact: [optionalString('email')],
  context: [],
};

function isRecordKind(kind: unknown): kind is RecordKind {
  return typeof kind === 'string' && Object.hasOwn(BY_KIND, kind);
}

/** The folder each kind must live in. */
function folderOf(kind: RecordKind): string {
  return kind === 'contact' ? 'contacts' : kind === 'context' ? 'contexts' : 'items';
}

/** The first field of `record` that does not fit a record of its kind, in words. */
function problemOf(record: JsonObject, kind: RecordKind): string | undefined {
  for (const check of [...COMMON, ...BY_KIND[kind]]) {
    const problem = check(record);
    if (problem) return problem;
  }
  return undefined;
}

/** True when every field of `record` fits its kind: it is that record. */
function fitsKind(record: JsonObject, kind: RecordKind): record is JsonObject & AnyRecord {
  return problemOf(record, kind) === undefined;
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
  if (!isRecordKind(kind)) return { path, reason: '"kind" must be area, project, action, contact or context' };
  if (!path.startsWith(`${folderOf(kind)}/`)) return { path, reason: `a ${kind} does not belong in ${path.split('/')[0]}/` };
  if (record.id !== id) return { path, reason: `"id" must be the file name (${id})` };
  if (fitsKind(record, kind)) return record;
  return { path, reason: problemOf(record, kind) ?? 'it is not a record' };
}

/** True when {@link parseRecord} could not read the file. */
export function isMalformed(result: AnyRecord | MalformedRecord): result is MalformedRecord {
  return 'reason' in result && 'path' in result && !('kind' in result);
}
