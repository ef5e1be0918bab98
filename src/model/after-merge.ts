import type { Commit, Repo } from '../store/index.ts';
import { recordPath } from './paths.ts';
import { repairLinks } from './repair-links.ts';
import type { Edit, Snapshot } from './snapshot.ts';
import type { AnyRecord, RecordKind } from './types.ts';
import { isMalformed, parseRecord } from './validate-record.ts';

/**
 * What the model does when a merge arrives (a sync, an import): the links the merge broke are
 * repaired (see {@link repairLinks}), a context or contact deleted on one side but still used
 * getting restored from the merge's parents. `snapshot` is the branch at or after `merge`.
 * Reads from the parents only the records a broken link names. `undefined` when nothing needs
 * repair.
 */
export async function afterMergeEdit(repo: Repo, snapshot: Snapshot, merge: Pick<Commit, 'parents'>): Promise<Edit | undefined> {
  const wanted = new Map<string, RecordKind>();
  const first = repairLinks(snapshot, (kind, id) => {
    wanted.set(id, kind);
    return undefined;
  });
  if (first === undefined || wanted.size === 0) return first;
  const found = await readFromParents(repo, merge.parents, wanted);
  return repairLinks(snapshot, (kind, id) => {
    const record = found.get(id);
    return record?.kind === kind ? record : undefined;
  });
}

/** The records `wanted` names as the parents had them, the first parent first. */
async function readFromParents(repo: Repo, parents: readonly string[], wanted: ReadonlyMap<string, RecordKind>): Promise<Map<string, AnyRecord>> {
  const found = new Map<string, AnyRecord>();
  for (const parent of parents) {
    const view = await repo.view(parent);
    for (const [id, kind] of wanted) {
      if (found.has(id)) continue;
      const path = recordPath(kind, id);
      const bytes = await view.get(path);
      const record = bytes === undefined ? undefined : parseRecord(path, bytes);
      if (record !== undefined && !isMalformed(record)) found.set(id, record);
    }
  }
  return found;
}
