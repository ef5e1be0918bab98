// A page's comments as one small git pack, for a reader's first visit (and every later look):
// a root commit whose tree holds only `comments/<page>/`, with that folder's tree and blobs
// exactly as on `main` (same ids, same bytes). It depends on the page's files alone, so its ETag
// changes only when they do, and a CDN can keep it.
//
// Written as files after each change of a page, under the repository's folder at the very path a
// reader asks for (`<data>/<name>.git/pages/<page>.pack`), so a static server or CDN origin can
// serve them with the Node server stopped, and they outlive a restart: `pages/index.json` says
// which page tree each file was built from, and a file whose page moved meanwhile (a restored
// backup) is written again on first use. A page without comments has no file (asking for any name
// must not fill the disk); it is answered with an empty snapshot from memory.
import { createHash } from 'node:crypto';
import { readFile, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { concatBytes, encodeCommit, encodeTree, type Oid, type TreeEntry } from '../../src/store/index.ts';
import { PackEncoder, encodePackEntries } from '../../src/sync/index.ts';
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
  /** Writes the files of `pages` as `main` has them now (after a change); resolves when written. */
  update(pages: Iterable<string>): Promise<void>;
  /** Brings every file in line with `main` (written again where a page moved, removed where it has no comments). */
  reconcile(): Promise<void>;
  /** Waits for the writes under way. */
  close(): Promise<void>;
}

/** The folder of a repository holding its snapshot files. */
const SNAPSHOT_FOLDER = 'pages';
const INDEX = 'index.json';
/** Snapshots kept in memory besides their files (the most recently used pages). */
const CACHED_PAGES = 64;
const SIGNATURE = { name: 'Comment remote', email: 'remote@comments.invalid', timestamp: 0, timezoneOffset: 0 };

/** What `index.json` says of one page's file: the page tree it was built from, its ETag and file count. */
interface Written {
  tree: Oid;
  etag: string;
  files: number;
}

/** {@link PageSnapshots} for the repository of `fold` at `gitDir`; `onError` hears of files it could not write (the snapshot is served from memory then). */
export function createPageSnapshots(fold: Fold, objects: RepoObjects, gitDir: string, onError: (error: Error) => void): PageSnapshots {
  const folder = join(gitDir, SNAPSHOT_FOLDER);
  /** Per page, the pack entry of each of its blobs. */
  const packEntries = new Map<string, Map<string, Uint8Array>>();
  const cache = new Map<string, { tree: Oid | undefined; snapshot: PageSnapshot }>();
  const remember = (page: string, tree: Oid | undefined, snapshot: PageSnapshot): PageSnapshot => {
    cache.delete(page);
    cache.set(page, { tree, snapshot });
    if (cache.size > CACHED_PAGES) cache.delete(cache.keys().next().value as string);
    return snapshot;
  };
  let index: Promise<Map<string, Written>> | undefined;
  const readIndex = (): Promise<Map<string, Written>> =>
    (index ??= readFile(join(folder, INDEX), 'utf8').then(
      (text) => new Map(Object.entries(JSON.parse(text) as Record<string, Written>)),
      () => new Map<string, Written>(),
    ));
  // Writes go one at a time: each page file, then the index naming it.
  let writing: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writing.then(work);
    writing = next.catch(() => undefined);
    return next;
  };

  // A page's rebuild waiting its turn reads main when it runs, so it serves every change made
  // before then: under a crowd, one build per page is queued at most, not one per fold.
  const queued = new Map<string, Promise<PageSnapshot>>();
  /** Builds `page` as `main` has it now; writes its file (or removes it) unless it is up to date. */
  const refresh = (page: string): Promise<PageSnapshot> => {
    let next = queued.get(page);
    if (next === undefined) {
      next = serially(() => {
        queued.delete(page);
        return rebuild(page);
      });
      queued.set(page, next);
    }
    return next;
  };
  const rebuild = async (page: string): Promise<PageSnapshot> => {
    const state = await fold.state();
    const tree = state.pageTrees.get(page);
    const written = await readIndex();
    const known = written.get(page);
    if (tree !== undefined && known?.tree === tree) {
      const pack = await readFile(join(folder, `${page}.pack`)).catch(() => undefined);
      if (pack !== undefined) return remember(page, tree, { etag: known.etag, pack, files: known.files });
    }
    const snapshot = remember(page, tree, await build(page, [...(state.pages.get(page)?.values() ?? [])]));
    if (tree === undefined && known === undefined) return snapshot;
    try {
      await mkdir(folder, { recursive: true });
      if (tree === undefined) {
        await unlink(join(folder, `${page}.pack`)).catch(() => undefined);
        written.delete(page);
      } else {
        await replaceFile(join(folder, `${page}.pack`), snapshot.pack);
        written.set(page, { tree, etag: snapshot.etag, files: snapshot.files });
      }
      await replaceFile(join(folder, INDEX), JSON.stringify(Object.fromEntries(written)));
    } catch (error) {
      written.delete(page);
      onError(new Error(`could not write the snapshot of ${page} (${error instanceof Error ? error.message : String(error)}); it is served from memory`));
    }
    return snapshot;
  };

  // A page's blobs join its pack as entries deflated once, when each blob first joins the page:
  // a change recompresses only its own files and the page's trees, not the whole page.
  const build = async (page: string, entries: readonly TreeEntry[]): Promise<PageSnapshot> => {
    const known = packEntries.get(page) ?? new Map<string, Uint8Array>();
    const fresh = entries.filter((entry) => !known.has(entry.oid));
    const contents = await Promise.all(fresh.map(async (entry) => (await objects.read(entry.oid))?.content));
    const blobs = fresh.map((entry, i) => {
      const content = contents[i];
      if (content === undefined) throw new Error(`blob ${entry.oid} of comments/${page}/${entry.name} is missing`);
      return { type: 'blob' as const, content };
    });
    const encoded = encodePackEntries(blobs);
    const added = new Map(fresh.map((entry, i) => [entry.oid, encoded[i] as Uint8Array]));
    const kept = new Map(entries.map((entry) => [entry.oid, known.get(entry.oid) ?? (added.get(entry.oid) as Uint8Array)]));
    packEntries.set(page, kept);
    return buildSnapshot(page, entries, kept);
  };

  return {
    get: async (page) => {
      const cached = cache.get(page);
      if (cached !== undefined && cached.tree === (await fold.state()).pageTrees.get(page)) return cached.snapshot;
      return refresh(page);
    },
    update: async (pages) => {
      await Promise.all([...pages].map((page) => refresh(page).catch((error: unknown) => onError(asError(error)))));
    },
    reconcile: async () => {
      try {
        const state = await fold.state();
        const pages = new Set([...state.pageTrees.keys(), ...(await readIndex()).keys()]);
        await Promise.all([...pages].map((page) => refresh(page)));
      } catch (error) {
        onError(asError(error));
      }
    },
    close: async () => {
      for (let seen; seen !== writing; ) {
        seen = writing;
        await seen;
      }
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Writes `bytes` beside `path` and renames it over: a reader (or a static server) never sees half a file. */
async function replaceFile(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

/** The snapshot pack of `entries`, whose blobs' pack entries `blobEntries` holds. */
function buildSnapshot(page: string, entries: readonly TreeEntry[], blobEntries: ReadonlyMap<string, Uint8Array>): PageSnapshot {
  const objects: StoredObject[] = [];
  const tree = (list: readonly TreeEntry[]): Oid => {
    const content = encodeTree(list);
    objects.push({ type: 'tree', content });
    return objectId('tree', content);
  };
  const root = entries.length === 0 ? tree([]) : tree([{ name: 'comments', mode: '40000', oid: tree([{ name: page, mode: '40000', oid: tree(entries) }]) }]);
  const commit = encodeCommit({ tree: root, parents: [], author: SIGNATURE, committer: SIGNATURE, message: `Comments on ${page}\n` });
  const encoder = new PackEncoder(1 + objects.length + entries.length, {}, nodeSha1());
  const parts = [encoder.header(), encoder.encode([{ type: 'commit', content: commit }, ...objects])];
  for (const entry of entries) parts.push(encoder.appendEncoded(blobEntries.get(entry.oid) as Uint8Array, 1));
  parts.push(encoder.finish());
  return { etag: `"${objectId('commit', commit)}"`, pack: concatBytes(parts), files: entries.length };
}

/** The pack's trailing checksum by Node's own SHA-1 (OpenSSL), several times the JavaScript one's speed. */
function nodeSha1(): { update(bytes: Uint8Array): void; digest(): Uint8Array } {
  const hash = createHash('sha1');
  return { update: (bytes) => void hash.update(bytes), digest: () => new Uint8Array(hash.digest()) };
}
