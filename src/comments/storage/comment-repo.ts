// The widget's own git repository of comments, one IndexedDB database per remote
// (`git-comments:<remote>`), apart from the task app's. Two kinds of branch:
//
//   outbox          this reader's own files, each added by one commit when posted:
//                     comments/<page>/<file>     waiting to be published
//                     published/<page>/<file>    the remote took it; kept until a snapshot shows it
//                     set-aside/<page>/<file>    refused for good; beside it <file>.reason
//   pages/<page>    the page's comments as the remote last served them (a snapshot commit)
//
// A first visit reads only its page's snapshot, never the whole repository.
import { decodeCommit, decodeTree, openRepo, type Backend, type GitObject, type Oid, type Repo } from '../../store/index.ts';
import { commentFilePath, encodeCommentFile, parseCommentFilePath, validateCommentFile, type Comment, type Retraction } from '../record.ts';
import { refusalWords } from '../threads/index.ts';

/** The branch holding this reader's own comment files. */
export const OUTBOX_BRANCH = 'outbox';
/** The branch holding the last snapshot of `page` the remote served. */
function pageBranch(page: string): string {
  return `pages/${page}`;
}

/** The files of one page as this browser knows them. */
export interface PageSnapshot {
  /** Path (`comments/<page>/<file>`) → bytes: the remote's, this reader's waiting ones, and set-aside ones. */
  files: Map<string, Uint8Array>;
  /** The paths the remote has (in its snapshot, or taken by a push since). */
  published: Set<string>;
  /** Paths the remote refused for good → its words. */
  setAside: Map<string, string>;
}

/** A comment file or tombstone waiting to be published. */
export interface PendingChange {
  path: string;
  kind: 'comment' | 'retraction';
  bytes: Uint8Array;
}

/** How to open a {@link CommentRepo}; tests pass a memory backend or a database name of their own. */
export interface OpenCommentRepoOptions {
  remote: string;
  backend?: Backend;
  indexedDB?: IDBFactory;
  /** Default `git-comments:<remote>`. */
  databaseName?: string;
}

/** A comment file the widget was about to write was refused by the shared validator. */
export class InvalidCommentError extends Error {
  readonly code = 'invalid-comment';
  constructor(readonly reason: string) {
    super(`This comment cannot be saved: ${reason}.`);
    this.name = 'InvalidCommentError';
  }
}

/** The name of the IndexedDB database holding a remote's comments. */
export function commentDatabaseName(remote: string): string {
  return `git-comments:${remote}`;
}

const WAITING = 'comments';
const PUBLISHED = 'published';
const SET_ASIDE = 'set-aside';

/** The comment repository of one remote. */
export class CommentRepo {
  private constructor(readonly repo: Repo) {}

  /** Opens (creating when missing) the repository for `remote`; moves comments a v1 widget left waiting into the outbox. */
  static async open(options: OpenCommentRepoOptions): Promise<CommentRepo> {
    const repo = await openRepo({
      name: options.databaseName ?? commentDatabaseName(options.remote),
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      author: { name: 'Comment widget', email: 'reader@comments.invalid' },
    });
    const comments = new CommentRepo(repo);
    await comments.migrate();
    return comments;
  }

  /** The page's files: the last snapshot, then this reader's own on top. */
  async readPage(page: string): Promise<PageSnapshot> {
    const snapshot = await this.snapshotFiles(page);
    const outbox = await (await this.outbox()).getAll();
    const files = new Map(snapshot);
    const published = new Set(snapshot.keys());
    const setAside = new Map<string, string>();
    for (const [path, bytes] of outbox) {
      const [folder, filePage, name = ''] = path.split('/');
      if (filePage !== page || name.endsWith('.reason')) continue;
      const canonical = `comments/${page}/${name}`;
      if (!files.has(canonical)) files.set(canonical, bytes);
      if (folder === PUBLISHED) published.add(canonical);
      if (folder === SET_ASIDE) setAside.set(canonical, new TextDecoder().decode(outbox.get(`${path}.reason`) ?? new Uint8Array()));
    }
    return { files, published, setAside };
  }

  /** Commits one new comment file to the outbox (checked by the shared validator first). */
  async addComment(comment: Comment): Promise<Oid> {
    const path = commentFilePath(comment.page, comment.id);
    const bytes = checked(path, encodeCommentFile(comment));
    return (await this.outbox()).set(path, bytes, {
      message: `Comment by ${comment.author.trim()} on ${comment.page}${comment.parent ? ' (a reply)' : ''}`,
      author: { name: comment.author.trim(), email: 'reader@comments.invalid' },
      date: new Date(comment.created),
    });
  }

  /** Commits a retraction's tombstone (with the secret) to the outbox. */
  async retract(retraction: Retraction): Promise<Oid> {
    const path = commentFilePath(retraction.page, retraction.id, 'retraction');
    const bytes = checked(path, encodeCommentFile(retraction));
    return (await this.outbox()).set(path, bytes, { message: `Retract comment ${retraction.id} on ${retraction.page}`, date: new Date(retraction.retracted) });
  }

  /**
   * Files waiting to be published, on every page, comments before tombstones. A waiting file the
   * shared validator refuses (left by an older widget, say) is set aside at once with its reason:
   * the remote would refuse it too, and one too big for a push would hold up every later comment.
   */
  async listPending(): Promise<PendingChange[]> {
    const pending: PendingChange[] = [];
    const invalid = new Map<string, string>();
    for (const [path, bytes] of await (await this.outbox()).getAll(WAITING)) {
      const where = parseCommentFilePath(path);
      const judged = validateCommentFile(path, bytes);
      if (!judged.ok) invalid.set(path, refusalWords(path, judged.reason).words);
      else if (where && where.kind !== 'hiding') pending.push({ path, kind: where.kind, bytes });
    }
    if (invalid.size > 0) await this.moveWaiting(invalid, `Set aside ${invalid.size} of my comments this widget cannot publish`);
    return pending.sort((a, b) => (a.kind === b.kind ? (a.path < b.path ? -1 : 1) : a.kind === 'comment' ? -1 : 1));
  }

  /** Records what the remote said of pushed files: taken (`undefined`) or refused for good (its words). */
  async recordOutcomes(outcomes: ReadonlyMap<string, string | undefined>): Promise<void> {
    if (outcomes.size === 0) return;
    const refused = [...outcomes.values()].filter((reason) => reason !== undefined).length;
    await this.moveWaiting(outcomes, refused === 0 ? `Published ${outcomes.size} of my comments` : `The remote took ${outcomes.size - refused} and refused ${refused} of my comments`);
  }

  /** Moves waiting files to `published/` (reason `undefined`) or `set-aside/` with the reason beside them, in one commit. */
  private async moveWaiting(outcomes: ReadonlyMap<string, string | undefined>, message: string): Promise<void> {
    await (await this.outbox()).transaction(
      async (tx) => {
        for (const [path, reason] of outcomes) {
          const bytes = await tx.get(path);
          if (bytes === undefined) continue;
          tx.remove(path);
          const moved = path.replace(/^comments\//, `${reason === undefined ? PUBLISHED : SET_ASIDE}/`);
          tx.set(moved, bytes);
          if (reason !== undefined) tx.set(`${moved}.reason`, reason);
        }
      },
      { message },
    );
  }

  /**
   * Stores a page snapshot the remote served (its commit and every object it needs, each with its
   * id) and drops what it now shows from the outbox. Only objects this browser lacks are written
   * (a page's comments come again in every snapshot of it), and what the snapshot shows is read
   * from its own trees, not back from the database.
   */
  async storeSnapshot(page: string, commit: Oid, objects: ReadonlyArray<GitObject & { oid: string }>): Promise<void> {
    const branch = pageBranch(page);
    const current = await this.repo.git.refs.read(`refs/heads/${branch}`);
    if (current !== commit) {
      // What the last snapshot reaches is stored: only the rest is looked up (on a busy page, a
      // few ids instead of every comment's).
      const held = current === undefined ? new Set<string>() : await this.snapshotObjects(page, current);
      const unknown = objects.filter((object) => !held.has(object.oid)).map((object) => object.oid);
      const missing = new Set<string>(await this.repo.git.objects.missing(unknown));
      const moved = await this.repo.git.refs.compareAndSet(`refs/heads/${branch}`, current, commit, objects.filter((object) => missing.has(object.oid)));
      if (!moved) return; // another tab stored a snapshot meanwhile: it settles the outbox
    }
    const shown = snapshotPaths(page, commit, objects);
    const outbox = await this.outbox();
    const settled = [...(await outbox.getAll(`${PUBLISHED}/${page}`)).keys()].filter((path) => shown.has(path.replace(/^published\//, 'comments/')));
    if (settled.length > 0) await outbox.transaction((tx) => settled.forEach((path) => tx.remove(path)), { message: `${settled.length} of my comments are on the page now` });
  }

  /** The ids of the trees and files a stored snapshot of `page` reaches, from the decoded-tree cache. */
  private async snapshotObjects(page: string, commit: Oid): Promise<Set<string>> {
    const { objects } = this.repo.git;
    const root = (await objects.readCommit(commit)).tree;
    const held = new Set<string>([root]);
    const folder = (await objects.readTree(root)).find((entry) => entry.name === 'comments')?.oid;
    if (folder === undefined) return held;
    held.add(folder);
    const pageTree = (await objects.readTree(folder)).find((entry) => entry.name === page)?.oid;
    if (pageTree === undefined) return held;
    held.add(pageTree);
    for (const entry of await objects.readTree(pageTree)) held.add(entry.oid);
    return held;
  }

  /** Forgets a set-aside file (the reader discarded it). */
  async discard(path: string): Promise<void> {
    const moved = path.replace(/^comments\//, `${SET_ASIDE}/`);
    await (await this.outbox()).transaction(
      (tx) => {
        tx.remove(moved);
        tx.remove(`${moved}.reason`);
      },
      { message: `Discard ${path}, which the remote refused` },
    );
  }

  /** Calls `listener` when the outbox or the page's snapshot moves, in this tab or another. */
  async watch(page: string, listener: () => void): Promise<() => void> {
    const stops = [(await this.outbox()).watch(listener), (await this.repo.branch(pageBranch(page))).watch(listener)];
    return () => stops.forEach((stop) => stop());
  }

  /** Closes the database. */
  close(): Promise<void> {
    return this.repo.close();
  }

  private outbox() {
    return this.repo.branch(OUTBOX_BRANCH);
  }

  private async snapshotFiles(page: string): Promise<Map<string, Uint8Array>> {
    const head = await this.repo.git.refs.read(`refs/heads/${pageBranch(page)}`);
    return head === undefined ? new Map() : (await this.repo.view(head)).getAll(`comments/${page}`);
  }

  /** The v1 widget committed to `main` and pushed it; what it never published moves to the outbox, once. */
  private async migrate(): Promise<void> {
    const [main, outbox] = await Promise.all([this.repo.git.refs.read('refs/heads/main'), this.repo.git.refs.read(`refs/heads/${OUTBOX_BRANCH}`)]);
    if (main === undefined || outbox !== undefined) return;
    const tracking = await this.repo.git.refs.read('refs/remotes/origin/main');
    const added = (await this.repo.diff(tracking, main)).filter((change) => change.kind === 'added' && parseCommentFilePath(change.path)?.kind !== 'hiding');
    const view = await this.repo.view(main);
    const files = await Promise.all(added.map(async (change) => [change.path, await view.get(change.path)] as const));
    await (await this.outbox()).transaction(
      (tx) => {
        for (const [path, bytes] of files) if (bytes) tx.set(path, bytes);
        tx.set('.outbox', 'Comments written by this browser; see the comment widget README.\n');
      },
      { message: `Move ${files.length} unpublished comments to the outbox` },
    );
  }
}

/** The paths of `page`'s files in a snapshot: commit `commit` and the trees among `objects`. */
function snapshotPaths(page: string, commit: Oid, objects: ReadonlyArray<GitObject & { oid: string }>): Set<string> {
  const byId = new Map(objects.map((object) => [object.oid, object.content]));
  const commitBytes = byId.get(commit);
  let tree: string | undefined = commitBytes && decodeCommit(commitBytes).tree;
  for (const name of ['comments', page]) {
    const bytes = tree === undefined ? undefined : byId.get(tree);
    tree = bytes && decodeTree(bytes).find((entry) => entry.name === name)?.oid;
  }
  const bytes = tree === undefined ? undefined : byId.get(tree);
  return new Set(bytes ? decodeTree(bytes).map((entry) => `comments/${page}/${entry.name}`) : []);
}

function checked(path: string, bytes: Uint8Array): Uint8Array {
  const judged = validateCommentFile(path, bytes);
  if (!judged.ok) throw new InvalidCommentError(refusalWords(path, judged.reason).words);
  return bytes;
}
