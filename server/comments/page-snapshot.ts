// A page's comments as one small git pack, for a reader's first visit (and every later look):
// a root commit whose tree holds only `comments/<page>/`, with that folder's tree and blobs
// exactly as on `main` (same ids, same bytes). It depends on the page's files alone, so its ETag
// changes only when they do, and a CDN can keep it. Built on demand after each change, in memory.
import { encodeCommit, encodeTree, type Oid, type TreeEntry } from '../../src/store/index.ts';
import { encodePack } from '../../src/sync/index.ts';
import type { Fold } from './fold.ts';
import { objectId, type RepoObjects, type StoredObject } from './repo-objects.ts';

/** One page's snapshot: its pack, and the ETag (its commit id, quoted). */
export interface PageSnapshot {
  etag: string;
  pack: Uint8Array;
  /** How many files the page holds. */
  files: number;
}

/** Snapshots of the pages of one repository. */
export interface PageSnapshots {
  /** The snapshot of `page` as `main` has it now (an empty one for a page without comments). */
  get(page: string): Promise<PageSnapshot>;
}

const SIGNATURE = { name: 'Comment remote', email: 'remote@comments.invalid', timestamp: 0, timezoneOffset: 0 };

/** {@link PageSnapshots} for the repository of `fold`. */
export function createPageSnapshots(fold: Fold, objects: RepoObjects): PageSnapshots {
  const built = new Map<string, { tree: Oid | undefined; snapshot: PageSnapshot }>();
  const blobs = new Map<string, Map<string, Uint8Array>>();
  return {
    async get(page) {
      const state = await fold.state();
      const tree = state.pageTrees.get(page);
      const cached = built.get(page);
      if (cached && cached.tree === tree) return cached.snapshot;
      const entries = [...(state.pages.get(page)?.values() ?? [])];
      const known = blobs.get(page) ?? new Map<string, Uint8Array>();
      const contents = await Promise.all(entries.map(async (entry) => known.get(entry.oid) ?? (await objects.read(entry.oid))?.content));
      const kept = new Map<string, Uint8Array>();
      entries.forEach((entry, i) => {
        const content = contents[i];
        if (content === undefined) throw new Error(`blob ${entry.oid} of comments/${page}/${entry.name} is missing`);
        kept.set(entry.oid, content);
      });
      blobs.set(page, kept);
      const snapshot = buildSnapshot(page, entries, kept);
      built.set(page, { tree, snapshot });
      return snapshot;
    },
  };
}

function buildSnapshot(page: string, entries: readonly TreeEntry[], contents: ReadonlyMap<string, Uint8Array>): PageSnapshot {
  const objects: StoredObject[] = [];
  const tree = (list: readonly TreeEntry[]): Oid => {
    const content = encodeTree(list);
    objects.push({ type: 'tree', content });
    return objectId('tree', content);
  };
  const root = entries.length === 0 ? tree([]) : tree([{ name: 'comments', mode: '40000', oid: tree([{ name: page, mode: '40000', oid: tree(entries) }]) }]);
  const commit = encodeCommit({ tree: root, parents: [], author: SIGNATURE, committer: SIGNATURE, message: `Comments on ${page}\n` });
  const pack = encodePack([{ type: 'commit', content: commit }, ...objects, ...entries.map((entry) => ({ type: 'blob' as const, content: contents.get(entry.oid) as Uint8Array }))]);
  return { etag: `"${objectId('commit', commit)}"`, pack, files: entries.length };
}
