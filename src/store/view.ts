import { NotADirectoryError, NotAFileError } from './errors.ts';
import { EMPTY_TREE, FILE_MODE, isTreeMode, type TreeEntry } from './objects/index.ts';
import type { ObjectSource, ObjectStore } from './object-store.ts';
import type { Oid } from './oid.ts';
import { parseDir, parsePath } from './path.ts';
import { lookupPath } from './tree-walk.ts';
import type { View } from './types.ts';

/** Reads a file at `path` below the tree `root`. */
export async function readFileAt(source: ObjectSource, root: Oid, path: string): Promise<Uint8Array | undefined> {
  const entry = await lookupPath(source, root, parsePath(path));
  if (!entry) return undefined;
  if (isTreeMode(entry.mode)) throw new NotAFileError(path);
  return source.readBlob(entry.oid);
}

/** Lists the entry names directly under `dir` below the tree `root`. */
export async function listDirAt(source: ObjectSource, root: Oid, dir: string): Promise<string[]> {
  const entry = await lookupPath(source, root, parseDir(dir));
  if (!entry) return [];
  if (!isTreeMode(entry.mode)) throw new NotADirectoryError(dir);
  return (await source.readTree(entry.oid)).map((child) => child.name);
}

/** Every file below `dir` under the tree `root`, read in one batch. */
export async function readAllAt(store: ObjectStore, root: Oid, dir: string): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const start = await lookupPath(store, root, parseDir(dir));
  if (!start) return out;
  if (!isTreeMode(start.mode)) throw new NotADirectoryError(dir);
  const paths: string[] = [];
  const oids: Oid[] = [];
  // Level by level, each level's uncached trees read in one transaction.
  let level = [{ tree: start.oid, prefix: dir === '' ? '' : `${dir}/` }];
  while (level.length > 0) {
    const trees = await store.readTrees(level.map(({ tree }) => tree));
    const next: typeof level = [];
    level.forEach(({ prefix }, i) => {
      for (const entry of trees[i] as readonly TreeEntry[]) {
        const path = `${prefix}${entry.name}`;
        if (isTreeMode(entry.mode)) next.push({ tree: entry.oid, prefix: `${path}/` });
        else if (entry.mode !== FILE_MODE.gitlink) {
          paths.push(path);
          oids.push(entry.oid);
        }
      }
    });
    level = next;
  }
  const blobs = await store.readBlobs(oids);
  paths.forEach((path, i) => out.set(path, blobs[i] as Uint8Array));
  return out;
}

/** A read-only view of the tree of `commitId` (the empty tree when there is no commit). */
export function createView(store: ObjectStore, commitId: Oid | undefined, tree: Oid = EMPTY_TREE): View {
  return {
    commitId,
    get: (path) => readFileAt(store, tree, path),
    list: (dir = '') => listDirAt(store, tree, dir),
    getAll: (dir = '') => readAllAt(store, tree, dir),
  };
}
