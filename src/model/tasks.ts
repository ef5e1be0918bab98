import { openRepo, type Branch, type Commit, type Oid, type Repo } from '../store/index.ts';
import { afterMergeEdit } from './after-merge.ts';
import { encodeRecord } from './encode-record.ts';
import { loadSnapshot, patchSnapshot } from './load-snapshot.ts';
import { mergeRecordFile } from './merge-records.ts';
import { recordPath } from './paths.ts';
import { EMPTY_SNAPSHOT, type Edit, type Snapshot } from './snapshot.ts';

/** How to open the task repository. */
export interface OpenTasksOptions {
  /** IndexedDB database name; default 'taskgit'. */
  name?: string;
  indexedDB?: IDBFactory;
  branch?: string;
  author?: { name: string; email: string };
}

type Listener = (snapshot: Snapshot) => void;
type ErrorListener = (error: unknown) => void;

/**
 * The app's records over a versioned repository: the current snapshot, commands applied as
 * commits, and live updates when the head moves (this tab, another tab, or a sync). When the
 * head that arrives is a merge, the model repairs what the merge broke (see after-merge.ts) in
 * a commit of its own, which the next sync sends.
 */
export class Tasks {
  private current: Snapshot;
  private readonly listeners = new Set<Listener>();
  private readonly errorListeners = new Set<ErrorListener>();
  private readonly stopWatching: () => void;
  private refreshing: Promise<void> = Promise.resolve();
  /** The after-merge work started for each merge head seen, by its id. */
  private readonly settling = new Map<string, Promise<Oid | undefined>>();

  private constructor(
    readonly repo: Repo,
    readonly branch: Branch,
    initial: Snapshot,
  ) {
    this.current = initial;
    this.stopWatching = branch.watch((head) => void this.refresh(head));
  }

  /** Opens the repository with the model's merge rules and reads every record. */
  static async open(options: OpenTasksOptions = {}): Promise<Tasks> {
    const repo = await openRepo({
      name: options.name ?? 'taskgit',
      merge: mergeRecordFile,
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.author ? { author: options.author } : {}),
    });
    return Tasks.over(repo, options.branch);
  }

  /** Wraps an open repository. */
  static async over(repo: Repo, branchName = 'main'): Promise<Tasks> {
    const branch = await repo.branch(branchName);
    const head = await branch.head();
    // Read every folder at one commit, even if another tab commits meanwhile.
    const snapshot = head === undefined ? EMPTY_SNAPSHOT : await loadSnapshot(await repo.view(head), head);
    const tasks = new Tasks(repo, branch, snapshot);
    // A merge whose repair never ran (the page closed in between) is repaired now.
    if (head !== undefined) tasks.settleMerge(await repo.readCommit(head));
    return tasks;
  }

  /** The records as of the last head seen. */
  get snapshot(): Snapshot {
    return this.current;
  }

  /**
   * Calls `listener` with each new snapshot, and `onError` when one could not be read (the
   * previous snapshot stays); returns a function that stops both.
   */
  subscribe(listener: Listener, onError?: ErrorListener): () => void {
    this.listeners.add(listener);
    if (onError) this.errorListeners.add(onError);
    return () => {
      this.listeners.delete(listener);
      if (onError) this.errorListeners.delete(onError);
    };
  }

  /** Commits an edit as one commit and returns the new head; an edit with no change commits nothing. */
  async apply(edit: Edit): Promise<Oid | undefined> {
    if (edit.changes.length === 0) return this.current.head as Oid | undefined;
    const head = await this.branch.transaction((tx) => {
      for (const change of edit.changes) {
        if ('put' in change) tx.set(recordPath(change.put.kind, change.put.id), encodeRecord(change.put));
        else tx.remove(recordPath(change.remove.kind, change.remove.id));
      }
    }, { message: edit.message });
    await this.refresh(head);
    return head;
  }

  /** Runs a command against the current snapshot and commits what it returns. */
  run(command: (snapshot: Snapshot) => Edit): Promise<Oid | undefined> {
    return this.apply(command(this.current));
  }

  /** The records at any past commit, for time travel. */
  async snapshotAt(commitId: string): Promise<Snapshot> {
    return loadSnapshot(await this.repo.view(commitId), commitId);
  }

  history(options?: { limit?: number; skip?: number }): Promise<Commit[]> {
    return this.branch.history(options);
  }

  /** Undoes one commit (a merge against its first parent); later changes survive. */
  async revert(commit: Commit): Promise<Oid> {
    const subject = commit.message.split('\n')[0] ?? '';
    const head = await this.branch.revert(commit.id, { message: `Revert "${subject}"` });
    await this.refresh(head);
    return head;
  }

  /**
   * Catches up with the branch head and waits for the after-merge repair of it, when the head
   * is a merge (another device's changes arrived by a sync or an import). Resolves to the
   * repair's commit, or `undefined` when none was needed.
   */
  async settle(): Promise<Oid | undefined> {
    const head = await this.branch.head();
    if (head === undefined) return undefined;
    await this.refresh(head);
    return this.settling.get(head);
  }

  async close(): Promise<void> {
    this.stopWatching();
    this.listeners.clear();
    this.errorListeners.clear();
    await this.repo.close();
  }

  /** Starts the after-merge repair of `commit` once, when it is a merge. */
  private settleMerge(commit: Commit): void {
    if (commit.parents.length > 1 && !this.settling.has(commit.id)) this.settling.set(commit.id, this.repairAfter(commit));
  }

  /** Commits the after-merge repair of `merge`, on the snapshot that follows it (not awaited by refresh: it commits). */
  private async repairAfter(merge: Commit): Promise<Oid | undefined> {
    await Promise.resolve(); // after the refresh that saw the merge has finished
    try {
      const edit = await afterMergeEdit(this.repo, this.current, merge);
      return edit ? await this.apply(edit) : undefined;
    } catch (error) {
      for (const listener of this.errorListeners) listener(error);
      return undefined;
    }
  }

  /** Moves to `head`, reading only what changed; refreshes run one at a time, in order. */
  private refresh(head: Oid): Promise<void> {
    this.refreshing = this.refreshing
      .then(async () => {
        if (this.current.head === head) return;
        this.current = await patchSnapshot(this.repo, this.current, head);
        for (const listener of this.listeners) listener(this.current);
        this.settleMerge(await this.repo.readCommit(head));
      })
      .catch((error: unknown) => {
        for (const listener of this.errorListeners) listener(error);
      });
    return this.refreshing;
  }
}
