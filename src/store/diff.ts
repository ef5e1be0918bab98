import { isTreeMode, type TreeEntry } from './objects/index.ts';
import type { ObjectSource } from './object-store.ts';
import type { Oid } from './oid.ts';
import { readEntryMap } from './tree-walk.ts';
import type { PathChange } from './types.ts';

/**
 * The file changes that turn tree `from` into tree `to`, in path order. Sub-trees with the same
 * id are skipped unread, so the cost follows the size of the change.
 */
export async function diffTrees(source: ObjectSource, from: Oid | undefined, to: Oid | undefined): Promise<PathChange[]> {
  const changes: PathChange[] = [];
  await diffLevel(source, from, to, '', changes);
  return changes;
}

async function diffLevel(
  source: ObjectSource,
  from: Oid | undefined,
  to: Oid | undefined,
  prefix: string,
  changes: PathChange[],
): Promise<void> {
  if (from === to) return;
  const [before, after] = await Promise.all([readEntryMap(source, from), readEntryMap(source, to)]);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const name = ((a ?? b) as TreeEntry).name;
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (a && b && a.oid === b.oid && a.mode === b.mode) continue;
    const aTree = a !== undefined && isTreeMode(a.mode);
    const bTree = b !== undefined && isTreeMode(b.mode);
    if (aTree || bTree) await diffLevel(source, aTree ? a.oid : undefined, bTree ? b.oid : undefined, path, changes);
    const aFile = a !== undefined && !aTree ? a : undefined;
    const bFile = b !== undefined && !bTree ? b : undefined;
    if (aFile && bFile) changes.push({ path, kind: 'modified', before: aFile.oid, after: bFile.oid });
    else if (aFile) changes.push({ path, kind: 'removed', before: aFile.oid });
    else if (bFile) changes.push({ path, kind: 'added', after: bFile.oid });
  }
}
