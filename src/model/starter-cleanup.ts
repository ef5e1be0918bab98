import type { Commit, Repo } from '../store/index.ts';
import { DEMO_DATA_MESSAGE, START_EMPTY_MESSAGE } from './demo-data.ts';
import type { Edit, RecordChange, Snapshot } from './snapshot.ts';
import type { AnyRecord } from './types.ts';
import { isMalformed, parseRecord } from './validate-record.ts';

/** The first lines of the commits a first-run start makes. */
const STARTS = new Set([DEMO_DATA_MESSAGE, START_EMPTY_MESSAGE]);

/** The commit message of {@link starterCleanupEdit}. */
export const STARTER_CLEANUP_MESSAGE = 'Drop this device’s unchanged starter records: the remote has tasks of its own';

/**
 * A device that started with demo data or empty, then syncs with a remote that has a history of
 * its own, merges two unrelated histories, each with its starter records (two weekly reviews,
 * the demo beside real tasks). What the merge `merge` (first parent: this device) brought from
 * this device's first-run start and the person never changed goes: each such record becomes the
 * remote's (or leaves when the remote has none). What the person changed or created stays. So the
 * device ends with exactly the remote's records plus its own real changes.
 *
 * Only when this device's side of the merge reaches back to a first-run start the other side
 * lacks; the walk stops where the two sides meet (or, for unrelated ones, at this side's root),
 * so it costs the commits this device had not shared. `undefined` when there is nothing to drop.
 */
export async function starterCleanupEdit(repo: Repo, snapshot: Snapshot, merge: Pick<Commit, 'parents'>): Promise<Edit | undefined> {
  const [ours, theirs] = merge.parents;
  if (ours === undefined || theirs === undefined) return undefined;
  const oursOnly = await repo.git.graph.listCommitsBetween([ours], [theirs]);
  const rootId = oursOnly.at(-1);
  if (rootId === undefined) return undefined;
  const root = await repo.readCommit(rootId);
  if (root.parents.length > 0 || !STARTS.has(root.message.split('\n', 1)[0] ?? '')) return undefined;

  const started = (await repo.diff(undefined, rootId)).filter((change) => change.after !== undefined);
  const [oursView, theirsView] = await Promise.all([repo.view(ours), repo.view(theirs)]);
  const starterBytes = await repo.readBlobs(started.map((change) => change.after as string));
  const changes: RecordChange[] = [];
  for (const [index, { path }] of started.entries()) {
    const starter = readRecord(path, starterBytes[index]);
    if (starter === undefined || !sameBytes(await oursView.get(path), starterBytes[index])) continue; // changed here: the person's
    const theirs = readRecord(path, await theirsView.get(path));
    const now = snapshot.records.get(starter.id);
    if (theirs === undefined) {
      if (now !== undefined) changes.push({ remove: { kind: starter.kind, id: starter.id } });
    } else if (now === undefined || JSON.stringify(now) !== JSON.stringify(theirs)) changes.push({ put: theirs });
  }
  return changes.length === 0 ? undefined : { changes, message: STARTER_CLEANUP_MESSAGE };
}

function readRecord(path: string, bytes: Uint8Array | undefined): AnyRecord | undefined {
  if (bytes === undefined) return undefined;
  const record = parseRecord(path, bytes);
  return isMalformed(record) ? undefined : record;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
