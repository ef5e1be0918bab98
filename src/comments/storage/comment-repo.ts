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
import { openRepo, type Backend, type GitObject, type Oid, type Repo } from '../../store/index.ts';
import { commentFilePath, encodeCommentFile, parseCommentFilePath, validateCommentFile, type Comment, type Retraction } from '../record.ts';
import { refusalWords } from '../threads/index.ts';
import { BranchFiles } from './branch-files.ts';
import { PageSnapshotBranch, sameBytes } from './page-snapshots.ts';

/** The branch holding this reader's own comment files. */
export const OUTBOX_BRANCH = 'outbox';

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
const encoder = new TextEncoder();

/**
 * The comment repository of one remote. The outbox and the page snapshots are kept in memory as
 * well (see BranchFiles): a publish round commits the comment, pushes it from memory, and shows
 * it published from the remote's answer at once; the answer is recorded with the settling of the
 * outbox after the page's next snapshot, in one commit. Should the tab close before that, the
 * comment still waits in the outbox: the next visit pushes it again, and the remote, which has it,
 * answers that it is published.
 */
export class CommentRepo {
  /** Waiting files (`comments/<page>/<file>`) the remote said it took, not yet recorded. */
  private readonly taken = new Set<string>();
  /** Published files a snapshot did not show, already asked about again in this visit. */
  private readonly asked = new Set<string>();
  /** Told when an answer changes what is published without a commit. */
  private readonly listeners = new Set<() => void>();
  private readonly pages = new Map<string, Promise<PageSnapshotBranch>>();

  private constructor(
    readonly repo: Repo,
    private readonly outbox: BranchFiles,
  ) {}

  /** Opens (creating when missing) the repository for `remote`; moves comments a v1 widget left waiting into the outbox. */
  static async open(options: OpenCommentRepoOptions): Promise<CommentRepo> {
    const repo = await openRepo({
      name: options.databaseName ?? commentDatabaseName(options.remote),
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      author: { name: 'Comment widget', email: 'reader@comments.invalid' },
    });
    const comments = new CommentRepo(repo, new BranchFiles(repo, await repo.branch(OUTBOX_BRANCH)));
    await comments.migrate();
    return comments;
  }

  /** The page's files: the last snapshot, then this reader's own on top. */
  async readPage(page: string): Promise<PageSnapshot> {
    const snapshot = (await (await this.snapshotOf(page)).files.read()).files;
    const outbox = (await this.outbox.read()).files;
    const files = new Map(snapshot);
    const published = new Set(snapshot.keys());
    const setAside = new Map<string, string>();
    for (const [path, bytes] of outbox) {
      const [folder, filePage, name = ''] = path.split('/');
      if (filePage !== page || name.endsWith('.reason')) continue;
      const canonical = `comments/${page}/${name}`;
      if (!files.has(canonical)) files.set(canonical, bytes);
      if (folder === PUBLISHED || (folder === WAITING && this.taken.has(canonical))) published.add(canonical);
      if (folder === SET_ASIDE) setAside.set(canonical, new TextDecoder().decode(outbox.get(`${path}.reason`) ?? new Uint8Array()));
    }
    return { files, published, setAside };
  }

  /** Commits one new comment file to the outbox (checked by the shared validator first). */
  async addComment(comment: Comment): Promise<Oid> {
    const path = commentFilePath(comment.page, comment.id);
    const bytes = checked(path, encodeCommentFile(comment));
    const info = {
      message: `Comment by ${comment.author.trim()} on ${comment.page}${comment.parent ? ' (a reply)' : ''}`,
      author: { name: comment.author.trim(), email: 'reader@comments.invalid' },
      date: new Date(comment.created),
    };
    return this.outbox.change(() => this.outbox.branch.set(path, bytes, info), new Map([[path, bytes]]));
  }

  /** Commits a retraction's tombstone (with the secret) to the outbox. */
  async retract(retraction: Retraction): Promise<Oid> {
    const path = commentFilePath(retraction.page, retraction.id, 'retraction');
    const bytes = checked(path, encodeCommentFile(retraction));
    const info = { message: `Retract comment ${retraction.id} on ${retraction.page}`, date: new Date(retraction.retracted) };
    return this.outbox.change(() => this.outbox.branch.set(path, bytes, info), new Map([[path, bytes]]));
  }

  /**
   * Files waiting to be published, on every page, comments before tombstones (those the remote
   * took in this visit are not). A waiting file the shared validator refuses (left by an older
   * widget, say) is set aside at once with its reason: the remote would refuse it too, and one too
   * big for a push would hold up every later comment.
   */
  async listPending(): Promise<PendingChange[]> {
    const pending: PendingChange[] = [];
    const invalid = new Map<string, string>();
    for (const [path, bytes] of (await this.outbox.read()).files) {
      if (!path.startsWith(`${WAITING}/`) || this.taken.has(path)) continue;
      const where = parseCommentFilePath(path);
      const judged = validateCommentFile(path, bytes);
      if (!judged.ok) invalid.set(path, refusalWords(path, judged.reason).words);
      else if (where && where.kind !== 'hiding') pending.push({ path, kind: where.kind, bytes });
    }
    if (invalid.size > 0) await this.move(invalid, `Set aside ${invalid.size} of my comments this widget cannot publish`);
    return pending.sort((a, b) => (a.kind === b.kind ? (a.path < b.path ? -1 : 1) : a.kind === 'comment' ? -1 : 1));
  }

  /**
   * Takes what the remote said of pushed files: taken (`undefined`), shown published at once and
   * recorded when the outbox is next settled; or refused for good (its words), set aside now.
   */
  async recordOutcomes(outcomes: ReadonlyMap<string, string | undefined>): Promise<void> {
    const refused = new Map([...outcomes].filter((outcome): outcome is [string, string] => outcome[1] !== undefined));
    const { files } = await this.outbox.read();
    let taken = 0;
    for (const [path, reason] of outcomes) {
      if (reason === undefined && files.has(path) && !this.taken.has(path)) {
        this.taken.add(path);
        taken++;
      }
    }
    if (taken > 0) this.listeners.forEach((listener) => listener());
    if (refused.size > 0) await this.move(refused, `The remote refused ${refused.size} of my comments`);
  }

  /**
   * Stores a page snapshot the remote served (its commit and every object it needs, each with its
   * id; only those this browser lacks are written), then settles the outbox in one commit: what
   * the snapshot shows (or shows retracted) leaves it, what the remote took and it does not show
   * yet moves to `published/`. Returns the published files of this page the snapshot does not
   * show and that were not asked about again in this visit: the remote may have removed them (a
   * moderator), or served a snapshot older than their publication; pushing them again tells.
   */
  async storeSnapshot(page: string, commit: Oid, objects: ReadonlyArray<GitObject & { oid: string }>): Promise<PendingChange[]> {
    const { files } = await this.outbox.read();
    const own = (path: string) => files.get(path) ?? files.get(path.replace(/^comments\//, `${PUBLISHED}/`));
    const shown = await (await this.snapshotOf(page)).store(commit, objects, own);
    if (shown === undefined) return []; // another tab stored a snapshot meanwhile: it settles the outbox
    const changes = new Map<string, Uint8Array | null>();
    const unconfirmed: PendingChange[] = [];
    let settled = 0;
    for (const [path, bytes] of files) {
      const [folder, filePage, name = ''] = path.split('/');
      if (filePage !== page || (folder !== WAITING && folder !== PUBLISHED)) continue;
      const canonical = `comments/${page}/${name}`;
      const where = parseCommentFilePath(canonical);
      const retracted = where?.kind === 'comment' && shown.has(commentFilePath(page, where.id, 'retraction'));
      if (retracted || sameBytes(shown.get(canonical), bytes)) {
        changes.set(path, null);
        this.taken.delete(canonical);
        settled++;
      } else if (folder === PUBLISHED || this.taken.has(canonical)) {
        if (folder === WAITING) {
          changes.set(path, null);
          changes.set(`${PUBLISHED}/${page}/${name}`, bytes);
          this.taken.delete(canonical);
        }
        if (where && where.kind !== 'hiding' && !this.asked.has(canonical)) unconfirmed.push({ path: canonical, kind: where.kind, bytes });
      }
    }
    await this.commitOutbox(changes, settled > 0 ? `${settled} of my comments are on the page now` : `Published ${changes.size / 2} of my comments`);
    return unconfirmed;
  }

  /** Marks published files as asked about again in this visit (see storeSnapshot). */
  askedAgain(paths: Iterable<string>): void {
    for (const path of paths) this.asked.add(path);
  }

  /** Forgets a set-aside file (the reader discarded it). */
  async discard(path: string): Promise<void> {
    const moved = path.replace(/^comments\//, `${SET_ASIDE}/`);
    await this.commitOutbox(
      new Map([
        [moved, null],
        [`${moved}.reason`, null],
      ]),
      `Discard ${path}, which the remote refused`,
    );
  }

  /** Calls `listener` when the outbox or the page's snapshot moves, in this tab or another, or the remote takes a comment. */
  async watch(page: string, listener: () => void): Promise<() => void> {
    const wrapped = (): void => listener();
    this.listeners.add(wrapped);
    const stops = [this.outbox.branch.watch(listener), (await this.snapshotOf(page)).files.branch.watch(listener), () => this.listeners.delete(wrapped)];
    return () => stops.forEach((stop) => stop());
  }

  /** Closes the database. */
  async close(): Promise<void> {
    this.outbox.close();
    for (const snapshot of this.pages.values()) (await snapshot).close();
    return this.repo.close();
  }

  private snapshotOf(page: string): Promise<PageSnapshotBranch> {
    let snapshot = this.pages.get(page);
    if (snapshot === undefined) {
      snapshot = PageSnapshotBranch.open(this.repo, page);
      this.pages.set(page, snapshot);
    }
    return snapshot;
  }

  /** Moves files (`comments/<page>/<file>`, waiting or published) to `published/` (reason `undefined`) or `set-aside/` with the reason beside them, in one commit. */
  private async move(outcomes: ReadonlyMap<string, string | undefined>, message: string): Promise<void> {
    const { files } = await this.outbox.read();
    const changes = new Map<string, Uint8Array | null>();
    for (const [path, reason] of outcomes) {
      const name = path.replace(/^comments\//, '');
      const from = [`${WAITING}/${name}`, `${PUBLISHED}/${name}`].find((candidate) => files.has(candidate));
      const to = `${reason === undefined ? PUBLISHED : SET_ASIDE}/${name}`;
      this.taken.delete(path);
      if (from === undefined || from === to) continue;
      changes.set(from, null);
      changes.set(to, files.get(from) as Uint8Array);
      if (reason !== undefined) changes.set(`${to}.reason`, encoder.encode(reason));
    }
    await this.commitOutbox(changes, message);
  }

  /** Commits `changes` to the outbox as one commit (none when empty). */
  private async commitOutbox(changes: ReadonlyMap<string, Uint8Array | null>, message: string): Promise<void> {
    if (changes.size === 0) return;
    const branch = this.outbox.branch;
    await this.outbox.change(
      () =>
        branch.transaction((tx) => {
          for (const [path, bytes] of changes) {
            if (bytes === null) tx.remove(path);
            else tx.set(path, bytes);
          }
        }, { message }),
      changes,
    );
  }

  /** The v1 widget committed to `main` and pushed it; what it never published moves to the outbox, once. */
  private async migrate(): Promise<void> {
    const [main, outbox] = await Promise.all([this.repo.git.refs.read('refs/heads/main'), this.repo.git.refs.read(`refs/heads/${OUTBOX_BRANCH}`)]);
    if (main === undefined || outbox !== undefined) return;
    const tracking = await this.repo.git.refs.read('refs/remotes/origin/main');
    const added = (await this.repo.diff(tracking, main)).filter((change) => change.kind === 'added' && parseCommentFilePath(change.path)?.kind !== 'hiding');
    const view = await this.repo.view(main);
    const files = await Promise.all(added.map(async (change) => [change.path, await view.get(change.path)] as const));
    const changes = new Map<string, Uint8Array | null>(files.filter((file): file is [string, Uint8Array] => file[1] !== undefined));
    changes.set('.outbox', encoder.encode('Comments written by this browser; see the comment widget README.\n'));
    await this.commitOutbox(changes, `Move ${files.length} unpublished comments to the outbox`);
  }
}

function checked(path: string, bytes: Uint8Array): Uint8Array {
  const judged = validateCommentFile(path, bytes);
  if (!judged.ok) throw new InvalidCommentError(refusalWords(path, judged.reason).words);
  return bytes;
}
