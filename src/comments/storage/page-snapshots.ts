// The page snapshots a browser keeps, one branch `pages/<page>` each: the page's comments as the
// remote last served them. Kept in memory too (files, and the ids the last one reaches), so that
// storing the next one writes only the objects it brings and reads nothing back.
import { decodeCommit, decodeTree, type GitObject, type Oid, type Repo } from '../../store/index.ts';
import { BranchFiles } from './branch-files.ts';

/** The branch holding the last snapshot of `page` the remote served. */
export function pageBranch(page: string): string {
  return `pages/${page}`;
}

/** A pack's object, with its id. */
export type SnapshotObject = GitObject & { oid: string };

/** A snapshot's page files (`comments/<page>/<file>` → bytes) and every id it reaches. */
interface SnapshotContents {
  head: Oid;
  files: Map<string, Uint8Array>;
  reached: Set<string>;
  /** The path of each file's blob. */
  paths: Map<string, string>;
}

/** One page's stored snapshot. */
export class PageSnapshotBranch {
  /** The ids the stored snapshot reaches, when known in memory. */
  private reached: { head: Oid; ids: ReadonlySet<string> } | undefined;

  private constructor(
    private readonly repo: Repo,
    private readonly page: string,
    readonly files: BranchFiles,
  ) {}

  static async open(repo: Repo, page: string): Promise<PageSnapshotBranch> {
    return new PageSnapshotBranch(repo, page, new BranchFiles(repo, await repo.branch(pageBranch(page)), `comments/${page}`));
  }

  /**
   * Stores snapshot `commit` (its objects all in `objects`) unless another tab stored another one
   * meanwhile; writes only the objects the last snapshot did not reach, nor the files this
   * browser holds already (`held(path)`: its own comment's bytes, stored with its outbox commit).
   * Returns the page's files as it shows them, or `undefined` when another tab moved the branch first.
   */
  async store(commit: Oid, objects: readonly SnapshotObject[], held: (path: string) => Uint8Array | undefined): Promise<ReadonlyMap<string, Uint8Array> | undefined> {
    const current = await this.files.read();
    if (current.head === commit) return current.files;
    const reached = current.head === undefined ? new Set<string>() : await this.reachedBy(current.head);
    const stored = await this.files.replace(async () => {
      const contents = snapshotContents(this.page, commit, objects);
      const fresh = objects.filter((object) => {
        const path = contents.paths.get(object.oid);
        return !reached.has(object.oid) && !(path !== undefined && sameBytes(held(path), object.content));
      });
      return (await this.repo.git.refs.compareAndSet(`refs/heads/${pageBranch(this.page)}`, current.head, commit, fresh)) ? contents : undefined;
    });
    if (stored === undefined) return undefined;
    this.reached = { head: stored.head, ids: stored.reached };
    return stored.files;
  }

  close(): void {
    this.files.close();
  }

  /** The ids of the trees and files the stored snapshot `head` reaches (from memory, else from the decoded-tree cache). */
  private async reachedBy(head: Oid): Promise<ReadonlySet<string>> {
    if (this.reached?.head === head) return this.reached.ids;
    const { objects } = this.repo.git;
    const root = (await objects.readCommit(head)).tree;
    const held = new Set<string>([root]);
    let tree: string | undefined = root;
    for (const name of ['comments', this.page]) {
      tree = tree === undefined ? undefined : (await objects.readTree(tree)).find((entry) => entry.name === name)?.oid;
      if (tree !== undefined) held.add(tree);
    }
    if (tree !== undefined) for (const entry of await objects.readTree(tree)) held.add(entry.oid);
    return held;
  }
}

/** The page's files in a snapshot (commit `commit`, its objects in `objects`), and the ids it reaches. */
function snapshotContents(page: string, commit: Oid, objects: readonly SnapshotObject[]): SnapshotContents {
  const byId = new Map(objects.map((object) => [object.oid, object.content]));
  const reached = new Set<string>([commit]);
  const commitBytes = byId.get(commit);
  let tree: string | undefined = commitBytes && decodeCommit(commitBytes).tree;
  for (const name of ['comments', page]) {
    const bytes = tree === undefined ? undefined : byId.get(tree);
    if (tree !== undefined) reached.add(tree);
    tree = bytes && decodeTree(bytes).find((entry) => entry.name === name)?.oid;
  }
  const files = new Map<string, Uint8Array>();
  const paths = new Map<string, string>();
  const pageTree = tree === undefined ? undefined : byId.get(tree);
  if (tree !== undefined) reached.add(tree);
  for (const entry of pageTree ? decodeTree(pageTree) : []) {
    reached.add(entry.oid);
    const blob = byId.get(entry.oid);
    if (blob !== undefined) files.set(`comments/${page}/${entry.name}`, blob);
    paths.set(entry.oid, `comments/${page}/${entry.name}`);
  }
  return { head: commit, files, reached, paths };
}

/** Whether `a` holds exactly the bytes of `b`. */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);
}
