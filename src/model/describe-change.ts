import { canonicalJson, type Json, type PathChange } from '../store/index.ts';
import { idFromPath } from './paths.ts';
import { quoteName } from './record-name.ts';
import { describeRepeat } from './repeat.ts';
import type { Snapshot } from './snapshot.ts';
import type { AnyRecord, JsonFields } from './types.ts';

/** Records by id: a whole {@link Snapshot}, or just the records a change touches and names. */
export type RecordSource = Snapshot | ReadonlyMap<string, AnyRecord>;

/** Fields whose change follows from another's (or is bookkeeping) and gets no line of its own. */
const QUIET_FIELDS = new Set(['completed', 'id', 'kind']);

/** The order lines come in: what was created, then what changed, then what went; files last. */
const ORDER = { created: 0, changed: 1, deleted: 2, file: 3 } as const;

interface Line {
  order: number;
  /** Sorts lines of the same order: the record's name, or the file's path. */
  key: string;
  /** Keeps the lines of one record in the order they were made. */
  seq: number;
  text: string;
}

/**
 * A commit's changes in words a person reads, one line each, e.g.
 * `Created action “Buy milk”`, `Renamed “A” to “B”`, `“X”: state next -> done`,
 * `Moved “X” to “Shopping”`, `Changed notes of “Z”`, `Deleted project “Y”`. A file that is
 * not a record (or could not be read as one) is named by its path. Names are looked up in
 * `before` for what was there and in `after` for what is there now, so a reference
 * (parent, context, contact) reads as the name it had at that side.
 *
 * Lines come created first, then changed, then deleted, then files; each group by name.
 *
 * @param changes the paths that differ between `before` and `after` (`Repo.diff`).
 */
export function describeChange(before: RecordSource, after: RecordSource, changes: readonly PathChange[]): string[] {
  const was = recordsOf(before);
  const now = recordsOf(after);
  const lines: Line[] = [];
  let seq = 0;
  const add = (order: number, key: string, text: string): void => {
    lines.push({ order, key, seq: seq++, text });
  };
  for (const change of changes) {
    const id = idFromPath(change.path);
    const old = id === undefined || change.kind === 'added' ? undefined : was.get(id);
    const next = id === undefined || change.kind === 'removed' ? undefined : now.get(id);
    if (old === undefined && next === undefined) {
      add(ORDER.file, change.path, describeFile(change));
    } else if (old === undefined && next !== undefined) {
      if (change.kind === 'added') add(ORDER.created, next.name, `Created ${next.kind} ${quoteName(next.name)}`);
      else add(ORDER.changed, next.name, `Repaired ${next.kind} ${quoteName(next.name)} (its file could not be read before)`);
    } else if (old !== undefined && next === undefined) {
      if (change.kind === 'removed') add(ORDER.deleted, old.name, `Deleted ${old.kind} ${quoteName(old.name)}`);
      else add(ORDER.file, change.path, `${capitalize(old.kind)} ${quoteName(old.name)}: its file can no longer be read (${change.path})`);
    } else if (old !== undefined && next !== undefined) {
      for (const text of describeUpdate(old, next, was, now)) add(ORDER.changed, next.name, text);
    }
  }
  lines.sort((a, b) => a.order - b.order || compareText(a.key, b.key) || a.seq - b.seq);
  return lines.map((line) => line.text);
}

/** The lines for one record changed in place. */
function describeUpdate(old: AnyRecord, next: AnyRecord, was: ReadonlyMap<string, AnyRecord>, now: ReadonlyMap<string, AnyRecord>): string[] {
  const a: JsonFields = old;
  const b: JsonFields = next;
  const name = quoteName(next.name);
  const out: string[] = [];
  if (old.kind !== next.kind) out.push(`Converted ${old.kind} ${quoteName(old.name)} to a ${next.kind}`);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !same(a[field], b[field]));
  for (const field of FIELD_ORDER.filter((known) => fields.includes(known)).concat(fields.filter((other) => !FIELD_ORDER.includes(other)).sort())) {
    if (QUIET_FIELDS.has(field)) continue;
    const from = a[field];
    const to = b[field];
    switch (field) {
      case 'name':
        out.push(`Renamed ${quoteName(old.name)} to ${name}`);
        break;
      case 'state':
        out.push(`${name}: state ${String(from ?? 'none')} -> ${String(to ?? 'none')}`);
        break;
      case 'description':
        out.push(from === undefined ? `Added notes to ${name}` : to === undefined ? `Removed the notes of ${name}` : `Changed notes of ${name}`);
        break;
      case 'starred':
        out.push(to === true ? `Starred ${name}` : `Unstarred ${name}`);
        break;
      case 'parent':
        out.push(to === undefined ? `Moved ${name} to the top level` : `Moved ${name} to ${nameOf(to, now, 'an area or project')}`);
        break;
      case 'context':
      case 'contact':
        out.push(
          to === undefined
            ? `${name}: ${field} ${nameOf(from, was, `a ${field}`)} removed`
            : from === undefined
              ? `${name}: ${field} set to ${nameOf(to, now, `a ${field}`)}`
              : `${name}: ${field} ${nameOf(from, was, `a ${field}`)} -> ${nameOf(to, now, `a ${field}`)}`,
        );
        break;
      case 'waitUntil':
        out.push(to === undefined ? `${name}: no longer waits until ${String(from)}` : `${name}: waits until ${String(to)}`);
        break;
      case 'deadline':
        out.push(to === undefined ? `${name}: no longer has a deadline` : `${name}: deadline ${String(to)}`);
        break;
      case 'reviewed':
        out.push(to === undefined ? `${name}: review mark removed` : `Marked ${name} reviewed`);
        break;
      case 'repeat':
        out.push(to === undefined ? `${name}: stopped repeating` : `${name}: repeats ${next.kind === 'action' && next.repeat ? describeRepeat(next.repeat) : String(to)}`);
        break;
      case 'email':
        out.push(to === undefined ? `${name}: email removed` : `${name}: email set to ${String(to)}`);
        break;
      case '_conflicts':
        out.push(conflictLine(name, from, to));
        break;
      default:
        out.push(`${name}: changed ${field}`);
    }
  }
  if (out.length === 0) out.push(`Rewrote the file of ${name} (no field changed)`);
  return out;
}

/** Fields in the order their lines read best; anything else follows, alphabetically. */
const FIELD_ORDER = ['name', 'state', 'waitUntil', 'deadline', 'repeat', 'parent', 'context', 'contact', 'starred', 'description', 'email', '_conflicts'];

function conflictLine(name: string, from: Json | undefined, to: Json | undefined): string {
  const count = (value: Json | undefined): number => (Array.isArray(value) ? value.length : 0);
  const before = count(from);
  const after = count(to);
  if (after > before) return `${name}: merge noted ${after - before === 1 ? 'a conflict' : `${after - before} conflicts`}`;
  if (after < before) return `${name}: ${before - after === 1 ? 'a conflict note was' : `${before - after} conflict notes were`} dismissed`;
  return `${name}: conflict notes changed`;
}

function describeFile(change: PathChange): string {
  if (change.kind === 'added') return `Added file ${change.path}`;
  if (change.kind === 'removed') return `Removed file ${change.path}`;
  return `Changed file ${change.path}`;
}

/** The quoted name of the record `id` names, or words for one this side does not have. */
function nameOf(id: Json | undefined, records: ReadonlyMap<string, AnyRecord>, what: string): string {
  const record = typeof id === 'string' ? records.get(id) : undefined;
  return record ? quoteName(record.name) : `${what} no longer there`;
}

function recordsOf(source: RecordSource): ReadonlyMap<string, AnyRecord> {
  return isSnapshot(source) ? source.records : source;
}

function same(x: Json | undefined, y: Json | undefined): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  return canonicalJson(x) === canonicalJson(y);
}

function isSnapshot(source: RecordSource): source is Snapshot {
  return 'records' in source && 'malformed' in source;
}

/** UTF-16 order, the same on every device (see compareByName). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
