import type { ImportTarget } from './backend/indexeddb-import.ts';
import type { ObjectRun } from './backend/object-batch.ts';
import type { ClosureProblem, WalkProgress } from './graph/index.ts';
import type { CommitData, GitObject, TreeEntry } from './objects/index.ts';
import type { Oid } from './oid.ts';

/** Who made a change and why; the store fills in a default author and the current date. */
export interface CommitInfo {
  message: string;
  author?: { name: string; email: string };
  date?: Date;
}

/** A commit as history shows it. */
export interface Commit {
  id: Oid;
  tree: Oid;
  parents: Oid[];
  message: string;
  author: { name: string; email: string };
  date: Date;
}

/** One file's content on three sides of a merge; `undefined` means absent on that side. */
export interface FileMergeInput {
  /** Full '/'-separated path of the file. */
  path: string;
  base: Uint8Array | undefined;
  ours: Uint8Array | undefined;
  theirs: Uint8Array | undefined;
}

/** What a file merge decided. */
export interface FileMergeResult {
  /** The merged content, or `undefined` to delete the file. */
  data: Uint8Array | undefined;
  /** Extra files written beside it (`<name><suffix>`), e.g. the losing side of a text conflict. */
  copies?: Array<{ suffix: string; data: Uint8Array }>;
  /** True when a conflict was recorded (in the content or as a copy). */
  conflicted: boolean;
}

/**
 * A per-path merge rule. Called only when both sides changed a file differently. Return
 * `undefined` to leave the file to the store's default rule (JSON field by field, else keep both).
 */
export type MergeFn = (input: FileMergeInput) => FileMergeResult | undefined;

/** A change between two trees. */
export interface PathChange {
  path: string;
  kind: 'added' | 'removed' | 'modified';
  before?: Oid;
  after?: Oid;
}

/** A read-only view of the files at one commit. */
export interface View {
  /** The commit this view shows, or `undefined` for an empty branch. */
  readonly commitId: Oid | undefined;
  /** A file's bytes, or `undefined` when nothing is there. Throws NotAFileError for a directory. */
  get(path: string): Promise<Uint8Array | undefined>;
  /** Names of the entries directly under `dir` ('' is the root), in git's order. */
  list(dir?: string): Promise<string[]>;
  /**
   * Every file below `dir` (recursively, folder level by folder level), path -> bytes, the files
   * read in one transaction: the way to load a whole folder of records at once.
   */
  getAll(dir?: string): Promise<Map<string, Uint8Array>>;
}

/** The callbacks a transaction body uses to stage changes for one commit. */
export interface TransactionContext {
  set(path: string, data: Uint8Array | string): void;
  remove(path: string): void;
  /** Reads a file as the transaction would leave it so far. */
  get(path: string): Promise<Uint8Array | undefined>;
}

/** A named line of history whose every change is a commit. */
export interface Branch {
  readonly name: string;
  /** The branch's current head commit id, or `undefined` while it has no commit. */
  head(): Promise<Oid | undefined>;
  /** The file at the current head. */
  get(path: string): Promise<Uint8Array | undefined>;
  /** Entry names under `dir` at the current head. */
  list(dir?: string): Promise<string[]>;
  /** Every file below `dir` at the current head, read in one transaction. */
  getAll(dir?: string): Promise<Map<string, Uint8Array>>;
  /**
   * Writes one file as one commit, on the head as it is (a blind write: it replaces whatever a
   * concurrent writer put there); returns the new head (the old one if nothing changed). To
   * change a file from what was read, use {@link Branch.transaction}.
   */
  set(path: string, data: Uint8Array | string, info: CommitInfo): Promise<Oid>;
  /** Removes one file as one commit; returns the new head. */
  remove(path: string, info: CommitInfo): Promise<Oid>;
  /**
   * Several changes as one commit, made from the files `fn` reads at the head as it was when
   * the transaction began. Should another writer (a tab, a handle, a sync) move the head before
   * the commit lands, the change is merged three-way onto the new head with the merge rules,
   * base the head it read: what the other writer changed is kept, and a field both changed
   * keeps both values (one as a conflict), as a merge of branches would.
   */
  transaction(fn: (tx: TransactionContext) => void | Promise<void>, info: CommitInfo): Promise<Oid>;
  /** Commits reachable from the head, newest first. */
  history(options?: { limit?: number; skip?: number }): Promise<Commit[]>;
  /** Undoes one commit by a three-way merge whose base is that commit; later changes survive. */
  revert(commitId: string, info: CommitInfo): Promise<Oid>;
  /** Merges a commit id or another branch into this one (fast-forward when possible). */
  merge(from: string, info: CommitInfo): Promise<Oid>;
  /** Calls `listener` once per new head, whether this tab or another one moved it. */
  watch(listener: (head: Oid) => void): () => void;
}

/** An opened repository, as an app uses it: branches, views at any commit, history, diffs. */
export interface Repo {
  readonly name: string;
  /** The branch `name`; a missing branch is created empty (no commit until the first change). */
  branch(name?: string): Promise<Branch>;
  /** Every branch name and its head. */
  listBranches(): Promise<Map<string, Oid>>;
  /** A read-only view at any commit in the repository. */
  view(commitId: string): Promise<View>;
  /** The changes that turn commit `from` into commit `to`. */
  diff(from: string | undefined, to: string): Promise<PathChange[]>;
  /** Reads one commit. */
  readCommit(commitId: string): Promise<Commit>;
  /** Files' bytes by id, as {@link PathChange} names them, read and verified in one transaction. */
  readBlobs(ids: readonly string[]): Promise<Uint8Array[]>;
  /** The narrow objects-and-refs view that sync, export and import take. */
  readonly git: GitStore;
  close(): Promise<void>;
}

/**
 * A repository as git sees it: objects, refs and the object graph, plus a merge with the
 * repository's rules. What sync, export and import need, and nothing of files or branches.
 */
export interface GitStore {
  readonly name: string;
  readonly objects: ObjectAccess;
  readonly refs: RefAccess;
  readonly graph: ObjectGraph;
  /**
   * Merges commit `from` into branch `branch` with the repository's merge rules (a fast-forward
   * when it can); returns the branch's new head.
   */
  merge(branch: string, from: string, info: CommitInfo): Promise<Oid>;
}

/** Refs by full name; names must start with `refs/`. */
export interface RefAccess {
  read(name: string): Promise<Oid | undefined>;
  /** Refs whose names start with `prefix` (default `refs/`). */
  list(prefix?: string): Promise<Map<string, Oid>>;
  /**
   * Points ref `name` at `next` if it still points at `expected` (`undefined`: absent), storing
   * `objects` in the same transaction. `next` must be stored already or be among `objects`.
   */
  compareAndSet(name: string, expected: Oid | undefined, next: Oid, objects?: GitObject[]): Promise<boolean>;
}

/** Content-addressed object access; every read is verified against its id. */
export interface ObjectAccess {
  read(oid: string): Promise<GitObject>;
  /** Many objects, read and verified a few hundred per transaction, the page let through between (a push or an export reads thousands). */
  readMany(oids: readonly string[]): Promise<GitObject[]>;
  /**
   * Many objects' loose forms (`<type> <size>\0<content>`) as stored, in one transaction, NOT
   * verified here: for a caller that hashes each against its id before using it, off the page's
   * main thread (a pack built in a Web Worker). A missing object is an ObjectNotFoundError.
   */
  readLoose(oids: readonly string[]): Promise<Uint8Array[]>;
  /** A commit, decoded and cached (the result must not be mutated). */
  readCommit(oid: string): Promise<CommitData>;
  /** The entries of a tree, decoded and cached (the result must not be mutated). */
  readTree(oid: string): Promise<readonly TreeEntry[]>;
  /** Several trees; those not cached are read in one transaction. */
  readTrees(oids: readonly string[]): Promise<Array<readonly TreeEntry[]>>;
  /** Whether an object is stored; the empty tree always is, as in git. */
  has(oid: string): Promise<boolean>;
  /** The ids among `oids` that are not stored, checked a few hundred per transaction (the empty tree always is). */
  missing(oids: readonly string[]): Promise<Oid[]>;
  /**
   * Stores objects whose ids the caller has just computed from their content (a parsed pack),
   * without hashing them a second time. A wrong id cannot leak wrong data: every read verifies.
   * `raw`, when given, is the object's loose form (`content` a view into it), so it is not
   * built again.
   */
  writeHashed(objects: ReadonlyArray<GitObject & { oid: string; raw?: Uint8Array }>): Promise<void>;
  /** Hashes and stores objects; returns their ids in the same order. */
  write(objects: GitObject[]): Promise<Oid[]>;
  /**
   * Starts storing a set of objects too large for one transaction (a first fetch of a big
   * repository): run by run, each in a bounded transaction, all hidden from reads until
   * `commit` shows them at once. An import never committed (aborted, or its tab closed) is
   * deleted, by `abort` or by the next `beginImport` of any tab.
   */
  beginImport(): Promise<ObjectImport>;
}

/** A ref moved in the same transaction that commits an import. */
export interface ImportRefMove {
  /** Full ref name, e.g. `refs/remotes/origin/main`. */
  name: string;
  expected: Oid | undefined;
  /** Must be among the imported objects, or stored already. */
  next: Oid;
  /**
   * `next`'s loose form, when the caller holds it (a fetch's wanted commit, as the pack gave it):
   * checked against `next` and kept decoded, so that the merge that follows reads nothing back.
   */
  nextRaw?: Uint8Array;
}

/** Objects being stored over several transactions; see {@link ObjectAccess.beginImport}. */
export interface ObjectImport {
  /**
   * Where a worker may store runs itself (`openImportWriter(target)`, on its own connection),
   * sparing the page the cloning; absent for backends only this realm can reach (memory).
   */
  readonly target: ImportTarget | undefined;
  /**
   * Stores one run of objects whose ids the caller has just computed from their bytes (every
   * later read verifies them again), in one transaction; they stay hidden until `commit`.
   */
  put(run: ObjectRun): Promise<void>;
  /**
   * Shows every object put so far, and moves `ref` by compare-and-set, in one transaction.
   * Returns false, changing nothing, when the ref had moved.
   */
  commit(ref?: ImportRefMove): Promise<boolean>;
  /** Deletes what was put; the store is as it was before `beginImport`. */
  abort(): Promise<void>;
}

/** Git's object graph over the stored objects (see src/store/graph). */
export interface ObjectGraph {
  /** Commits reachable from `tips` and not from `exclude`, newest first (`git rev-list`), at most `limit`. */
  listCommitsBetween(tips: readonly string[], exclude: readonly string[], options?: { limit?: number }): Promise<Oid[]>;
  /**
   * What a side holding `theirs` lacks to hold `tips`: the commits between and what each adds to
   * its parents (a push; with no `theirs`, a whole export). `onCommit` counts commits walked.
   */
  listObjectsToSend(tips: readonly string[], theirs: readonly string[], options?: { onCommit?: WalkProgress }): Promise<Oid[]>;
  /**
   * Whether objects arriving together (a fetched pack, an imported bundle) are closed (every tip
   * and every link in the set or stored) and fit to store (trees as git requires them, nested at
   * most MAX_TREE_DEPTH deep). Returns the first problem, or `undefined`; writes nothing.
   */
  checkClosed(incoming: ReadonlyMap<Oid, GitObject>, tips: readonly string[]): Promise<ClosureProblem | undefined>;
}
