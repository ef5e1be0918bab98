import { openRepo, type Branch, type Commit, type Oid, type Repo } from '../store/index.ts';
import { afterMergeEdit } from './after-merge.ts';
import { loadSnapshot, patchSnapshot } from './load-snapshot.ts';
import { mergeRecordFile } from './merge-records.ts';
import { starterCleanupEdit } from './starter-cleanup.ts';
import { EMPTY_SNAPSHOT, type Edit, type Snapshot } from './snapshot.ts';
import { UndoHistory } from './undo-history.ts';
import { writeChange } from './write-change.ts';

/** How to open the task repository. */
export interface OpenTasksOptions {
  /** IndexedDB database name; default 'taskgit'. */
  name?: string;
  indexedDB?: IDBFactory;
  branch?: string;
  author?: { name: string; email: string };
}

/** Who a commit is by: its author's name and email (this device's name). */
export interface Author {
  name: string;
  email: string;
}

/**
 * Where a change comes from. The person's changes (`user`) enter their undo history and are
 * announced to {@link Tasks.onCommit}; the model's own (`system`: a repair after a merge) do
 * not. A sync's merges never go through Tasks, so they never enter it either.
 */
export type ChangeSource = 'user' | 'system';

/**
 * A commit the person made through this Tasks: a `change`, the `undo` of one (a revert of it),
 * or the `redo` of an undo (a revert of the revert). `subject` is the change's first line;
 * `reverts` the commit an undo or redo reverted.
 */
export interface CommitEvent {
  id: Oid;
  kind: 'change' | 'undo' | 'redo';
  subject: string;
  reverts?: Oid;
}

/** What {@link Tasks.undo} did: undone (a new commit), nothing left to undo, or no change (it was undone already). */
export type UndoResult = { kind: 'undone'; head: Oid; subject: string } | { kind: 'nothing-to-undo' } | { kind: 'no-change'; subject: string };

type Listener = (snapshot: Snapshot) => void;
type ErrorListener = (error: unknown) => void;
type CommitListener = (event: CommitEvent) => void;

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
  /** This tab's commits, one after another (see {@link Tasks.apply}). */
  private writing: Promise<unknown> = Promise.resolve();
  /** The after-merge work started for each merge head seen, by its id. */
  private readonly settling = new Map<string, Promise<Oid | undefined>>();
  private readonly undoable = new UndoHistory();
  private readonly commitListeners = new Set<CommitListener>();
  private currentAuthor: Author | undefined;

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

  /** Whom commits made from now on are by (this device's name); `undefined`: the store's default. */
  setAuthor(author: Author | undefined): void {
    this.currentAuthor = author;
  }

  /** Whom commits are by now (a sync's merge commits too). */
  get author(): Author | undefined {
    return this.currentAuthor;
  }

  /** Calls `listener` after each commit the person makes here (a change, an undo, a redo); returns the way to stop. */
  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /**
   * Commits an edit as one commit and returns the new head; an edit with no change commits
   * nothing. A `user` change (the default) enters the undo history and is announced. `basis`
   * is the snapshot the edit was computed from (default the current one): a record changed
   * since is merged with the edit, not overwritten (see writeChange).
   */
  async apply(edit: Edit, options: { source?: ChangeSource; basis?: Snapshot } = {}): Promise<Oid | undefined> {
    if (edit.changes.length === 0) return this.current.head as Oid | undefined;
    const basis = options.basis ?? this.current;
    return this.inTurn(async () => {
      const before = this.current.head; // the store hands back the old head when nothing changed
      const head = await this.branch.transaction(async (tx) => {
        for (const change of edit.changes) await writeChange(tx, change, basis);
      }, this.info(edit.message));
      await this.refresh(head);
      if ((options.source ?? 'user') === 'user' && head !== before) this.announce({ id: head, kind: 'change', subject: subjectOf(edit.message) });
      return head;
    });
  }

  /** Runs a command against the current snapshot and commits what it returns (the person's change). */
  run(command: (snapshot: Snapshot) => Edit): Promise<Oid | undefined> {
    const basis = this.current;
    return this.apply(command(basis), { basis });
  }

  /**
   * Undoes the person's change `commitId` (default: their last one here not undone yet) by
   * reverting it, so the undo is in history too and later changes survive.
   */
  async undo(commitId?: Oid): Promise<UndoResult> {
    const target = commitId ?? (this.undoable.last() as Oid | undefined);
    if (target === undefined) return { kind: 'nothing-to-undo' };
    const subject = subjectOf((await this.repo.readCommit(target)).message);
    this.undoable.remove(target);
    const head = await this.revertAs(target, `Undo: ${subject}`);
    if (head === undefined) return { kind: 'no-change', subject };
    this.announce({ id: head, kind: 'undo', subject, reverts: target });
    return { kind: 'undone', head, subject };
  }

  /** Takes back the undo `undoId` (reverts the revert); the redone change can be undone again. */
  async redo(undoId: Oid): Promise<Oid | undefined> {
    const subject = subjectOf((await this.repo.readCommit(undoId)).message).replace(/^Undo: /, '');
    const head = await this.revertAs(undoId, `Redo: ${subject}`);
    if (head !== undefined) this.announce({ id: head, kind: 'redo', subject, reverts: undoId });
    return head;
  }

  /** The records at any past commit, for time travel. */
  async snapshotAt(commitId: string): Promise<Snapshot> {
    return loadSnapshot(await this.repo.view(commitId), commitId);
  }

  history(options?: { limit?: number; skip?: number }): Promise<Commit[]> {
    return this.branch.history(options);
  }

  /**
   * Reverts any commit of the history (a merge against its first parent); later changes
   * survive. The person's change: it can be undone in turn. The head, unchanged when there was
   * nothing left to revert.
   */
  async revert(commit: Commit): Promise<Oid> {
    const subject = `Revert "${subjectOf(commit.message)}"`;
    const head = await this.revertAs(commit.id, subject);
    if (head === undefined) return (await this.branch.head()) as Oid;
    this.announce({ id: head, kind: 'change', subject });
    return head;
  }

  /**
   * Catches up with the branch head and waits for the after-merge work on it, when the head is
   * a merge (another device's changes arrived by a sync or an import). Resolves to the last
   * commit that work made, or `undefined` when none was needed.
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
    this.commitListeners.clear();
    await this.repo.close();
  }

  /** Reverts `commitId` as a commit with `message`; `undefined` when that changed nothing. */
  private revertAs(commitId: string, message: string): Promise<Oid | undefined> {
    return this.inTurn(async () => {
      const before = await this.branch.head();
      const head = await this.branch.revert(commitId, this.info(message));
      await this.refresh(head);
      return head === before ? undefined : head;
    });
  }

  /**
   * Runs `write` after this tab's earlier commits have landed and been read. A transaction
   * reads the files as the head was when it began, so two quick commands (`s` then `n` on a
   * row, two ticks) run side by side would both read the old file and the second would write
   * over the first; one at a time, the second sees the first's file and merges onto it.
   */
  private inTurn<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writing.then(write, write);
    this.writing = result.catch(() => undefined);
    return result;
  }

  private info(message: string): { message: string; author?: Author } {
    return this.currentAuthor ? { message, author: this.currentAuthor } : { message };
  }

  /** Records the person's commit (an undo leaves the history, anything else enters it) and tells the listeners. */
  private announce(event: CommitEvent): void {
    if (event.kind !== 'undo') this.undoable.push(event.id);
    for (const listener of this.commitListeners) listener(event);
  }

  /** Starts the after-merge repair of `commit` once, when it is a merge. */
  private settleMerge(commit: Commit): void {
    if (commit.parents.length > 1 && !this.settling.has(commit.id)) this.settling.set(commit.id, this.repairAfter(commit));
  }

  /**
   * What the model does after `merge`, each a commit of its own on the snapshot that follows it
   * (not awaited by refresh: it commits): drop this device's unchanged starter records when the
   * merge joined a remote's history, then repair the links the merge broke. The last commit made.
   */
  private async repairAfter(merge: Commit): Promise<Oid | undefined> {
    await Promise.resolve(); // after the refresh that saw the merge has finished
    try {
      let made: Oid | undefined;
      for (const step of [starterCleanupEdit, afterMergeEdit]) {
        const edit = await step(this.repo, this.current, merge);
        if (edit) made = await this.apply(edit, { source: 'system' });
      }
      return made;
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

/** A commit message's first line. */
function subjectOf(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
