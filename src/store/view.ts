import { NotADirectoryError, NotAFileError } from './errors.ts';
import { isTreeMode } from './objects/index.ts';
import { EMPTY_TREE, type ObjectSource } from './object-store.ts';
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

/** A read-only view of the tree of `commitId` (the empty tree when there is no commit). */
export function createView(source: ObjectSource, commitId: Oid | undefined, tree: Oid = EMPTY_TREE): View {
  return {
    commitId,
    get: (path) => readFileAt(source, tree, path),
    list: (dir = '') => listDirAt(source, tree, dir),
  };
}
