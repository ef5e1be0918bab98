import type { MalformedRecord } from './validate-record.ts';
import type { AnyRecord, ItemRecord, RecordKind } from './types.ts';

/** Everything the repository holds at one commit, as records. Immutable. */
export interface Snapshot {
  /** The commit it was read at (`undefined` for an empty repository). */
  readonly head: string | undefined;
  readonly records: ReadonlyMap<string, AnyRecord>;
  /** Files that could not be read as records (shown as problems). */
  readonly malformed: readonly MalformedRecord[];
}

/** A snapshot of an empty repository. */
export const EMPTY_SNAPSHOT: Snapshot = { head: undefined, records: new Map(), malformed: [] };

/** One change to the repository: write a record, or remove one. */
export type RecordChange = { put: AnyRecord } | { remove: { kind: RecordKind; id: string } };

/** What a command does: its changes, committed as one commit with `message`. */
export interface Edit {
  changes: RecordChange[];
  /** The commit message, in words a person reads in `git log` ("Create Buy milk"). */
  message: string;
}

/** True for areas, projects and actions. */
export function isItem(record: AnyRecord | undefined): record is ItemRecord {
  return record !== undefined && (record.kind === 'area' || record.kind === 'project' || record.kind === 'action');
}

/** Items by parent id, built once for walks over the whole tree. */
export function childrenByParent(snapshot: Snapshot): Map<string, ItemRecord[]> {
  const children = new Map<string, ItemRecord[]>();
  for (const record of snapshot.records.values()) {
    if (!isItem(record) || record.parent === undefined) continue;
    const list = children.get(record.parent);
    if (list) list.push(record);
    else children.set(record.parent, [record]);
  }
  return children;
}
