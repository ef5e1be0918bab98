import type { Commit, PathChange, Repo } from '../store/index.ts';
import { describeChange } from './describe-change.ts';
import { idFromPath, recordPath } from './paths.ts';
import type { AnyRecord, JsonFields, RecordKind } from './types.ts';
import { isMalformed, parseRecord } from './validate-record.ts';

/** What one commit changed, in words (see {@link describeCommit}). */
export interface CommitChanges {
  /** The commit it was compared with: its first parent, or `undefined` for the first commit. */
  base: string | undefined;
  /** One line per change, e.g. `Created action “Buy milk”`; empty when nothing changed. */
  lines: string[];
  /** How many files differ. */
  files: number;
}

/** The fields of a record that name another record, and the kind of folder it lives in. */
const REFERENCES: ReadonlyArray<[field: string, kind: RecordKind]> = [
  ['parent', 'project'],
  ['context', 'context'],
  ['contact', 'contact'],
];

/**
 * Says what `commit` changed against its first parent (for a merge: what the merge brought in
 * from the other side; for the first commit: everything it added). Reads only what the words
 * need, never a whole snapshot: the changed files on both sides, and the records they name
 * (a parent, a context, a contact) as they were at that side.
 */
export async function describeCommit(repo: Repo, commit: Pick<Commit, 'id' | 'parents'>): Promise<CommitChanges> {
  const base = commit.parents[0];
  const changes = await repo.diff(base, commit.id);
  const [before, after] = await Promise.all([
    base === undefined ? new Map<string, AnyRecord>() : readTouched(repo, base, changes, 'before'),
    readTouched(repo, commit.id, changes, 'after'),
  ]);
  return { base, lines: describeChange(before, after, changes), files: changes.length };
}

/** The records the changes touch on one side, and those they refer to, as of `commitId`. */
async function readTouched(repo: Repo, commitId: string, changes: readonly PathChange[], side: 'before' | 'after'): Promise<Map<string, AnyRecord>> {
  const records = new Map<string, AnyRecord>();
  const touched = changes.filter((change) => change[side] !== undefined && idFromPath(change.path) !== undefined);
  const contents = await repo.readBlobs(touched.map((change) => change[side] as string));
  touched.forEach((change, i) => addParsed(records, change.path, contents[i]));

  const wanted = new Map<string, string>();
  for (const record of records.values()) {
    for (const [field, kind] of REFERENCES) {
      const fields: JsonFields = record;
      const id = fields[field];
      if (typeof id === 'string' && !records.has(id) && idFromPath(recordPath(kind, id)) === id) wanted.set(id, recordPath(kind, id));
    }
  }
  if (wanted.size === 0) return records;
  const view = await repo.view(commitId);
  const paths = [...wanted.values()];
  const files = await Promise.all(paths.map((path) => view.get(path).catch(() => undefined)));
  paths.forEach((path, i) => addParsed(records, path, files[i]));
  return records;
}

function addParsed(records: Map<string, AnyRecord>, path: string, bytes: Uint8Array | undefined): void {
  if (bytes === undefined) return;
  const parsed = parseRecord(path, bytes);
  if (!isMalformed(parsed)) records.set(parsed.id, parsed);
}
