// What the comment remote knows of `main` at all times: its head, its root entries, and every
// page's files (name -> blob), kept in memory so a fold builds its trees without asking git.
// Also the paths `main` ever removed (retracted or deleted comments), which may never come back.
import { encodeTree, parseOid, type Oid, type TreeEntry } from '../../src/store/index.ts';
import { objectId, type RepoObjects, type StoredObject } from './repo-objects.ts';
import { runGit } from './run-git.ts';

/** The folder under which comment pages live. */
const COMMENTS_DIR = 'comments';

/** `main` as the fold sees it. */
export interface MainState {
  head: Oid | undefined;
  /** Root entries other than `comments/`. */
  otherRootEntries: TreeEntry[];
  /** Page -> file name -> entry. */
  pages: Map<string, Map<string, TreeEntry>>;
  /** Page -> its tree id. */
  pageTrees: Map<string, Oid>;
  /** Paths `main` once held and removed: they are never published again. */
  removed: Set<string>;
}

/** Reads `main` (or its absence) from the repository. */
export async function loadMainState(objects: RepoObjects, gitDir: string): Promise<MainState> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_DIR: gitDir };
  const resolved = await runGit(['rev-parse', '--verify', '--quiet', 'refs/heads/main'], gitDir, env);
  const head = resolved.status === 0 ? parseOid(resolved.stdout.toString('latin1').trim()) : undefined;
  const state: MainState = { head, otherRootEntries: [], pages: new Map(), pageTrees: new Map(), removed: new Set() };
  if (head === undefined) return state;
  const commit = await objects.read(head);
  const tree = commit && /^tree ([0-9a-f]{40})/.exec(new TextDecoder().decode(commit.content))?.[1];
  if (!tree) throw new Error(`main (${head}) is not a readable commit`);
  await readPages(state, objects, tree);
  const log = await runGit(['log', '--format=', '--name-only', '--diff-filter=D', 'refs/heads/main', '--', `${COMMENTS_DIR}/`], gitDir, env);
  if (log.status !== 0) throw new Error(`git log failed: ${log.stderr.trim()}`);
  for (const path of log.stdout.toString('utf8').split('\n')) if (path !== '') state.removed.add(path);
  return state;
}

/** Fills `state`'s root entries and pages from the root tree `tree`, reusing unchanged pages. */
export async function readPages(state: MainState, objects: RepoObjects, tree: string): Promise<void> {
  const root = (await objects.readTree(tree)) ?? [];
  state.otherRootEntries = root.filter((entry) => entry.name !== COMMENTS_DIR);
  const commentsTree = root.find((entry) => entry.name === COMMENTS_DIR)?.oid;
  const pages = commentsTree === undefined ? [] : ((await objects.readTree(commentsTree)) ?? []);
  const nextPages = new Map<string, Map<string, TreeEntry>>();
  const nextTrees = new Map<string, Oid>();
  await Promise.all(
    pages.map(async (entry) => {
      const same = state.pageTrees.get(entry.name) === entry.oid ? state.pages.get(entry.name) : undefined;
      const files = same ?? new Map(((await objects.readTree(entry.oid)) ?? []).map((file) => [file.name, file]));
      nextPages.set(entry.name, files);
      nextTrees.set(entry.name, entry.oid);
    }),
  );
  state.pages = nextPages;
  state.pageTrees = nextTrees;
}

/** The blob at `page/name` on `main`. */
export function fileOnMain(state: MainState, page: string, name: string): TreeEntry | undefined {
  return state.pages.get(page)?.get(name);
}

/** Changes to fold into `main`: files to add (path parts -> blob id) and to remove. */
export interface PageChanges {
  add: Array<{ page: string; name: string; oid: Oid }>;
  remove: Array<{ page: string; name: string }>;
}

/**
 * The trees of `main` after `changes`: the new objects to write (page trees, `comments/`, root)
 * and the new root tree's id. Only touched pages get new trees.
 */
export function buildTrees(state: MainState, changes: PageChanges): { objects: StoredObject[]; root: Oid; pages: Map<string, Map<string, TreeEntry>>; pageTrees: Map<string, Oid> } {
  const pages = new Map(state.pages);
  const touched = new Set<string>();
  const edit = (page: string): Map<string, TreeEntry> => {
    if (!touched.has(page)) {
      pages.set(page, new Map(pages.get(page)));
      touched.add(page);
    }
    return pages.get(page) as Map<string, TreeEntry>;
  };
  for (const { page, name } of changes.remove) edit(page).delete(name);
  for (const { page, name, oid } of changes.add) edit(page).set(name, { name, mode: '100644', oid });
  const objects: StoredObject[] = [];
  const tree = (entries: readonly TreeEntry[]): Oid => {
    const content = encodeTree(entries);
    objects.push({ type: 'tree', content });
    return objectId('tree', content);
  };
  const pageTrees = new Map(state.pageTrees);
  for (const page of touched) {
    const files = pages.get(page) as Map<string, TreeEntry>;
    if (files.size === 0) {
      pages.delete(page);
      pageTrees.delete(page);
    } else pageTrees.set(page, tree([...files.values()]));
  }
  const pageEntries = [...pageTrees].map(([name, oid]) => ({ name, mode: '40000', oid }));
  const rootEntries = [...state.otherRootEntries];
  if (pageEntries.length > 0) rootEntries.push({ name: COMMENTS_DIR, mode: '40000', oid: tree(pageEntries) });
  return { objects, root: tree(rootEntries), pages, pageTrees };
}
