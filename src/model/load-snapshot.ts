import type { PathChange, Repo, View } from '../store/index.ts';
import { idFromPath, RECORD_FOLDERS } from './paths.ts';
import type { Snapshot } from './snapshot.ts';
import type { AnyRecord } from './types.ts';
import { isMalformed, parseRecord, type MalformedRecord } from './validate-record.ts';

/** Above this many changed files, reading everything again is cheaper than patching. */
const MAX_PATCHED_CHANGES = 500;

/** Reads every record at a view's commit; a malformed file becomes a problem, not an error. */
export async function loadSnapshot(view: Pick<View, 'getAll'>, head: string | undefined): Promise<Snapshot> {
  const records = new Map<string, AnyRecord>();
  const malformed: MalformedRecord[] = [];
  for (const folder of Object.values(RECORD_FOLDERS)) {
    for (const [path, bytes] of await view.getAll(folder)) addFile(records, malformed, path, bytes);
  }
  return { head, records, malformed };
}

function addFile(records: Map<string, AnyRecord>, malformed: MalformedRecord[], path: string, bytes: Uint8Array): void {
  const parsed = parseRecord(path, bytes);
  if (isMalformed(parsed)) malformed.push(parsed);
  else records.set(parsed.id, parsed);
}

function isRecordPath(path: string): boolean {
  return Object.values(RECORD_FOLDERS).some((folder) => path.startsWith(`${folder}/`));
}

/**
 * The snapshot at `head`, built from `previous` by reading only the files that changed between
 * the two commits (the usual case after a commit in another tab or a sync).
 */
export async function patchSnapshot(repo: Repo, previous: Snapshot, head: string): Promise<Snapshot> {
  if (previous.head === head) return previous;
  const changes: PathChange[] = previous.head === undefined ? [] : await repo.diff(previous.head, head);
  if (previous.head === undefined || changes.length > MAX_PATCHED_CHANGES) return loadSnapshot(await repo.view(head), head);
  const records = new Map(previous.records);
  const changedPaths = new Set(changes.map((change) => change.path));
  const malformed = previous.malformed.filter((problem) => !changedPaths.has(problem.path));
  const recordChanges = changes.filter((change) => isRecordPath(change.path));
  const written = recordChanges.filter((change): change is PathChange & { after: string } => change.after !== undefined);
  const contents = await repo.readBlobs(written.map((change) => change.after)); // one transaction
  for (const change of recordChanges) {
    const id = idFromPath(change.path);
    if (id !== undefined) records.delete(id);
  }
  written.forEach((change, i) => addFile(records, malformed, change.path, contents[i] as Uint8Array));
  return { head, records, malformed };
}
