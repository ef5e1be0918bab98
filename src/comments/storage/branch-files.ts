// A branch's files kept in memory, so that a publish round reads nothing back from IndexedDB:
// what this handle commits is applied to the copy, and a move it did not make (another tab, or a
// commit that had to be merged onto another tab's) drops the copy, read again on next use.
import type { Branch, Oid, Repo } from '../../store/index.ts';

/** A branch's files at one head. */
export interface FilesAt {
  head: Oid | undefined;
  /** Path → bytes; never mutated once handed out (a change makes a new map). */
  files: ReadonlyMap<string, Uint8Array>;
}

/** Changes to files: bytes to write, `null` to remove. */
export type FileChanges = ReadonlyMap<string, Uint8Array | null>;

/** The files below `dir` of one branch, cached while its head is the one they were read at. */
export class BranchFiles {
  private cached: FilesAt | undefined;
  /** The last head the branch's watch reported (its watchers hear of this handle's moves too). */
  private heard: { head: Oid } | undefined;
  /** Moves heard so far: a read that started before one does not keep its result. */
  private moves = 0;
  /** This handle's writes under way: a read waits for them, so it sees the copy they leave. */
  private readonly writing = new Set<Promise<unknown>>();
  private readonly stopWatching: () => void;

  constructor(
    private readonly repo: Repo,
    readonly branch: Branch,
    private readonly dir = '',
  ) {
    this.stopWatching = branch.watch((head) => {
      this.moves++;
      this.heard = { head };
    });
  }

  /** The files now: the copy when the branch has not moved since, else read (and kept). */
  async read(): Promise<FilesAt> {
    while (this.writing.size > 0) await Promise.allSettled(this.writing);
    if (this.cached && (this.heard === undefined || this.heard.head === this.cached.head)) return this.cached;
    const moves = this.moves;
    const head = await this.branch.head();
    const files = head === undefined ? new Map<string, Uint8Array>() : await (await this.repo.view(head)).getAll(this.dir);
    const read = { head, files };
    if (moves === this.moves) {
      this.cached = read;
      if (head !== undefined) this.heard = { head };
    }
    return read;
  }

  /**
   * Runs `commit`, a commit of `changes` (paths below `dir`) by this handle: the copy follows when
   * the commit was made straight on the head the copy holds, else it is dropped.
   */
  change(commit: () => Promise<Oid>, changes: FileChanges): Promise<Oid> {
    return this.write(async () => {
      const before = this.cached;
      const head = await commit();
      if (before === undefined || before.head === head) return head;
      const parents = (await this.repo.git.objects.readCommit(head)).parents;
      const madeOnCopy = before.head === undefined ? parents.length === 0 : parents.length === 1 && parents[0] === before.head;
      if (this.cached !== before || !madeOnCopy) {
        this.cached = undefined;
        return head;
      }
      const files = new Map(before.files);
      for (const [path, bytes] of changes) {
        if (bytes === null) files.delete(path);
        else files.set(path, bytes);
      }
      this.cached = { head, files };
      return head;
    });
  }

  /**
   * Runs `move`, which moves the branch to a commit whose files it returns (a snapshot stored), or
   * returns `undefined` when it did not move it; the copy becomes those files. A move heard after
   * this one still drops the copy.
   */
  replace<T extends { head: Oid; files: ReadonlyMap<string, Uint8Array> }>(move: () => Promise<T | undefined>): Promise<T | undefined> {
    return this.write(async () => {
      const moved = await move();
      if (moved !== undefined) this.cached = { head: moved.head, files: moved.files };
      return moved;
    });
  }

  /** Stops following the branch. */
  close(): void {
    this.stopWatching();
  }

  private write<T>(work: () => Promise<T>): Promise<T> {
    const done = work();
    this.writing.add(done);
    const forget = () => void this.writing.delete(done);
    done.then(forget, forget);
    return done;
  }
}
