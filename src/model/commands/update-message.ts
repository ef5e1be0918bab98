import { messageName } from '../record-name.ts';
import { describeRepeat } from '../repeat.ts';
import type { Snapshot } from '../snapshot.ts';
import type { Json } from '../../store/index.ts';
import type { AnyRecord, Day, JsonFields } from '../types.ts';

/** Fields whose change follows from another's and is not worth its own words. */
const DERIVED = new Set(['completed']);

/**
 * The commit message of an update, in words for `git log`: one field changed says which
 * ("X: rename to Y", "X: next -> done", "X: star", "Move X to Y", "X: edit notes"); several
 * say "X: edit". `X` is the name before the change.
 */
export function updateMessage(snapshot: Snapshot, before: AnyRecord, after: AnyRecord, changed: ReadonlySet<string>, rolledTo?: Day): string {
  const name = messageName(before.name);
  const fields = [...changed].filter((field) => !DERIVED.has(field));
  const only = (...allowed: string[]): boolean => fields.length > 0 && fields.every((field) => allowed.includes(field));
  const get = (record: JsonFields, field: string): Json | undefined => record[field];
  const nameOf = (id: unknown): string => {
    const target = typeof id === 'string' ? snapshot.records.get(id) : undefined;
    return target ? messageName(target.name) : String(id);
  };
  if (rolledTo !== undefined && only('state', 'waitUntil', 'repeat')) return `${name}: done, next on ${rolledTo}`;
  if (fields.includes('repeat') && only('repeat', 'state', 'waitUntil') && after.kind === 'action' && after.repeat && after.waitUntil !== undefined) {
    return `${name}: repeat ${describeRepeat(after.repeat)}, next on ${after.waitUntil}`;
  }
  if (only('state', 'waitUntil') && fields.includes('state')) {
    const state = String(get(after, 'state'));
    const until = state === 'scheduled' ? ` until ${String(get(after, 'waitUntil'))}` : '';
    return `${name}: ${String(get(before, 'state'))} -> ${state}${until}`;
  }
  if (fields.length !== 1) return `${name}: edit`;
  const field = fields[0] as string;
  const value = get(after, field);
  switch (field) {
    case 'name':
      return `${name}: rename to ${messageName(after.name)}`;
    case 'waitUntil':
      return `${name}: reschedule to ${String(value)}`;
    case 'deadline':
      return value === undefined ? `${name}: no deadline` : `${name}: deadline ${String(value)}`;
    case 'starred':
      return value === true ? `${name}: star` : `${name}: unstar`;
    case 'parent':
      return value === undefined ? `Move ${name} to the top level` : `Move ${name} to ${nameOf(value)}`;
    case 'description':
      return `${name}: edit notes`;
    case 'context':
    case 'contact':
      return value === undefined ? `${name}: remove ${field}` : `${name}: set ${field} to ${nameOf(value)}`;
    case 'repeat':
      return after.kind === 'action' && after.repeat ? `${name}: repeat ${describeRepeat(after.repeat)}` : `${name}: stop repeating`;
    default:
      return `${name}: edit ${field}`;
  }
}
