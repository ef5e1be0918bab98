// The widget's own git repository of comments, one IndexedDB database per remote
// (`git-comments:<remote>`), apart from the task app's. Only ever adds files, and retracts by
// removing a comment's file and adding its tombstone: the only changes the comment remote takes.
import { openRepo, type Backend, type Oid, type Repo } from '../../store/index.ts';
import { commentFilePath, encodeCommentFile, parseCommentFilePath, validateCommentFile, type Comment, type Retraction } from '../record.ts';

/** The branch the widget commits to and syncs; the same name on the remote. */
export const COMMENTS_BRANCH = 'main';
/** Where sync keeps the last remote head it saw: what the remote has. */
export const TRACKING_REF = `refs/remotes/origin/${COMMENTS_BRANCH}`;

/** The files of one page, here and on the remote as last seen. */
export interface PageSnapshot {
  /** Path → bytes of every file under `comments/<page>/` on the local branch. */
  files: Map<string, Uint8Array>;
  /** The paths the remote had at the last sync. */
  published: Set<string>;
}

/** A comment file or tombstone committed here and not yet on the remote. */
export interface PendingChange {
  path: string;
  kind: 'comment' | 'retraction';
}

/** How to open a {@link CommentRepo}; tests pass a memory backend. */
export interface OpenCommentRepoOptions {
  remote: string;
  backend?: Backend;
  indexedDB?: IDBFactory;
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

/** The comment repository of one remote. */
export class CommentRepo {
  private constructor(readonly repo: Repo) {}

  /** Opens (creating when missing) the repository for `remote`. */
  static async open(options: OpenCommentRepoOptions): Promise<CommentRepo> {
    const repo = await openRepo({
      name: commentDatabaseName(options.remote),
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      author: { name: 'Comment widget', email: 'reader@comments.invalid' },
    });
    return new CommentRepo(repo);
  }

  /** The page's files on the local branch and the paths the remote has. */
  async readPage(page: string): Promise<PageSnapshot> {
    const dir = `comments/${page}`;
    const branch = await this.repo.branch(COMMENTS_BRANCH);
    const files = await branch.getAll(dir);
    const tracking = await this.repo.git.refs.read(TRACKING_REF);
    const published = new Set<string>(tracking === undefined ? [] : (await (await this.repo.view(tracking)).getAll(dir)).keys());
    return { files, published };
  }

  /** Commits one new comment file (checked by the shared validator first). */
  async addComment(comment: Comment): Promise<Oid> {
    const path = commentFilePath(comment.page, comment.id);
    const bytes = checked(path, encodeCommentFile(comment));
    const branch = await this.repo.branch(COMMENTS_BRANCH);
    return branch.set(path, bytes, {
      message: `Comment by ${comment.author.trim()} on ${comment.page}${comment.parent ? ' (a reply)' : ''}`,
      author: { name: comment.author.trim(), email: 'reader@comments.invalid' },
      date: new Date(comment.created),
    });
  }

  /** Retracts a comment: removes its file and adds the tombstone with the secret, in one commit. */
  async retract(retraction: Retraction): Promise<Oid> {
    const path = commentFilePath(retraction.page, retraction.id, 'retraction');
    const bytes = checked(path, encodeCommentFile(retraction));
    const branch = await this.repo.branch(COMMENTS_BRANCH);
    return branch.transaction(
      (tx) => {
        tx.remove(commentFilePath(retraction.page, retraction.id));
        tx.set(path, bytes);
      },
      { message: `Retract comment ${retraction.id} on ${retraction.page}`, date: new Date(retraction.retracted) },
    );
  }

  /** Comments and tombstones committed here that the remote does not have yet, on every page. */
  async listPending(): Promise<PendingChange[]> {
    const head = await (await this.repo.branch(COMMENTS_BRANCH)).head();
    if (head === undefined) return [];
    const tracking = await this.repo.git.refs.read(TRACKING_REF);
    const changes = await this.repo.diff(tracking, head);
    const pending: PendingChange[] = [];
    for (const change of changes) {
      const where = change.kind === 'added' ? parseCommentFilePath(change.path) : undefined;
      if (where && where.kind !== 'hiding') pending.push({ path: change.path, kind: where.kind });
    }
    return pending;
  }

  /** Calls `listener` when the branch moves, in this tab or another. */
  async watch(listener: () => void): Promise<() => void> {
    return (await this.repo.branch(COMMENTS_BRANCH)).watch(listener);
  }

  /** Closes the database. */
  close(): Promise<void> {
    return this.repo.close();
  }
}

function checked(path: string, bytes: Uint8Array): Uint8Array {
  const judged = validateCommentFile(path, bytes);
  if (!judged.ok) throw new InvalidCommentError(judged.reason);
  return bytes;
}
