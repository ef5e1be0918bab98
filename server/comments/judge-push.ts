// Judges one push to a comment repository in the server, before anything is written: the refs it
// names, its pack (read with limits, so no entry is inflated past a comment's size), that every
// object of the pack belongs to a pushed commit, then per commit the paths and raw modes it
// changes, and only then the files' contents, by the shared format module (record.ts).
import { MAX_COMMENTS_PER_PUSH, MAX_COMMENT_FILE_BYTES, parseCommentFilePath, type CommentFileKind } from '../../src/comments/record.ts';
import { decodeCommit, decodeTree, parseOid, type Oid } from '../../src/store/index.ts';
import { parsePack, ProtocolError, type PackObject } from '../../src/sync/index.ts';
import { judgeChanges, judgeShapes, type FileChange, type PushRole } from './judge-changes.ts';
import { isCreation, isDeletion, type PushCommand, type PushRequest } from './push-request.ts';
import type { RepoObjects } from './repo-objects.ts';
import { diffTrees, TooManyChangesError } from './tree-diff.ts';

/** Where readers push: `refs/for/main/<any name>`, as Gerrit's magic refs; the fold publishes. */
const SUBMIT_REF = /^refs\/for\/main\/[A-Za-z0-9._-]{1,100}$/;
const MAIN_REF = 'refs/heads/main';

/** What one role may push at most. */
interface Limits {
  commands: number;
  objects: number;
  objectBytes: number;
  commits: number;
  files: number;
}

const LIMITS: Record<PushRole, Limits> = {
  reader: { commands: MAX_COMMENTS_PER_PUSH, objects: 256, objectBytes: MAX_COMMENT_FILE_BYTES, commits: 10, files: MAX_COMMENTS_PER_PUSH },
  moderator: { commands: 2, objects: 10_000, objectBytes: 1024 * 1024, commits: 100, files: 1000 },
};

/** A comment file a reader submitted: where it goes on `main`, and its blob. */
export interface SubmittedFile {
  path: string;
  page: string;
  /** The file name in the page's folder. */
  name: string;
  kind: CommentFileKind;
  oid: Oid;
  bytes: Uint8Array;
}

/** The judgement of one command. */
export type CommandVerdict =
  | { ref: string; kind: 'refused'; reason: string }
  /** A reader's comments (or retractions) to fold into main. */
  | { ref: string; kind: 'submission'; files: SubmittedFile[] }
  /** The moderator's commits, to fast-forward main from `old` to `new`. */
  | { ref: string; kind: 'fast-forward'; old: Oid | undefined; new: Oid; changes: FileChange[] };

/** The judgement of a push: refused whole (the pack), or per command. */
export type PushVerdict = { kind: 'refused'; reason: string; unpacked: boolean } | { kind: 'judged'; commands: CommandVerdict[]; objects: PackObject[] };

/** What the judge reads besides the push. */
export interface JudgeContext {
  role: PushRole;
  objects: RepoObjects;
  /** `main`'s head now. */
  main: Oid | undefined;
}

/** Judges `request` for `context.role`. */
export async function judgePush(request: PushRequest, context: JudgeContext): Promise<PushVerdict> {
  const limits = LIMITS[context.role];
  if (request.commands.length > limits.commands) {
    return { kind: 'refused', unpacked: true, reason: `a push may name at most ${limits.commands} refs here; push a few at a time` };
  }
  const declared = request.pack.length >= 12 ? Buffer.from(request.pack.buffer, request.pack.byteOffset, request.pack.byteLength).readUInt32BE(8) : 0;
  if (declared > limits.objects) return { kind: 'refused', unpacked: false, reason: `the pack holds ${declared} objects; a comment push needs at most ${limits.objects}` };
  let objects: PackObject[] = [];
  if (request.pack.length > 0) {
    try {
      objects = await parsePack(request.pack, async (oid) => context.objects.read(oid), { maxObjectBytes: limits.objectBytes, maxTotalBytes: limits.objectBytes * limits.objects });
    } catch (error) {
      const problem = error instanceof ProtocolError ? error.data.problem : error instanceof Error ? error.message : String(error);
      return { kind: 'refused', unpacked: false, reason: `the pushed pack is refused: ${problem}` };
    }
  }
  const inPack = new Map(objects.map((object) => [object.oid, object]));
  const stray = objects.length - reachableInPack(request.commands, inPack).size;
  if (stray > 0) return { kind: 'refused', unpacked: true, reason: `the pack carries ${stray} objects that no pushed commit holds; send only your commits' objects` };
  const judge = new CommandJudge(context, limits, inPack);
  const commands: CommandVerdict[] = [];
  for (const command of request.commands) commands.push(await judge.judge(command));
  return { kind: 'judged', commands, objects };
}

/** The pack objects reachable from the commands' new tips, walking only through the pack. */
function reachableInPack(commands: readonly PushCommand[], inPack: ReadonlyMap<string, PackObject>): Set<string> {
  const reached = new Set<string>();
  const queue = commands.filter((command) => !isDeletion(command)).map((command) => command.new);
  while (queue.length > 0) {
    const oid = queue.pop() as string;
    const object = inPack.get(oid);
    if (!object || reached.has(oid)) continue;
    reached.add(oid);
    if (object.type === 'commit') {
      const commit = decodeCommit(object.content);
      queue.push(commit.tree, ...commit.parents);
    } else if (object.type === 'tree') {
      for (const entry of decodeTree(object.content)) if (entry.mode !== '160000') queue.push(entry.oid);
    }
  }
  return reached;
}

/** Judges commands one by one, counting the files the whole push adds. */
class CommandJudge {
  private filesLeft: number;

  constructor(
    private readonly context: JudgeContext,
    private readonly limits: Limits,
    private readonly inPack: ReadonlyMap<string, PackObject>,
  ) {
    this.filesLeft = limits.files;
  }

  async judge(command: PushCommand): Promise<CommandVerdict> {
    const { ref } = command;
    const refuse = (reason: string): CommandVerdict => ({ ref, kind: 'refused', reason });
    if (isDeletion(command)) return refuse('refs cannot be deleted here');
    if (ref === MAIN_REF) {
      if (this.context.role !== 'moderator') {
        return refuse('readers do not push to main: push each comment as a commit to refs/for/main/<any name>, and the remote publishes it on main');
      }
      if ((isCreation(command) ? undefined : command.old) !== this.context.main) return refuse('fetch first');
    } else if (!SUBMIT_REF.test(ref)) {
      return refuse(`only refs/for/main/<name> takes comments here, not ${ref}`);
    } else if (!isCreation(command)) {
      return refuse(`${ref} is a new submission each time; push it as a new ref`);
    }
    try {
      return await this.judgeCommits(command);
    } catch (error) {
      if (error instanceof TooManyChangesError) return refuse(`the push changes too many files; at most ${this.limits.files} comment files per push`);
      return refuse(error instanceof Error ? error.message : String(error));
    }
  }

  private async judgeCommits(command: PushCommand): Promise<CommandVerdict> {
    const { ref } = command;
    const refuse = (reason: string): CommandVerdict => ({ ref, kind: 'refused', reason });
    const chain = await this.listCommits(command.new);
    if (typeof chain === 'string') return refuse(chain);
    const toMain = ref === MAIN_REF;
    if (toMain && chain.base !== this.context.main) return refuse('the push does not fast-forward main; fetch, rebase your change onto main and push again');
    const files = new Map<string, SubmittedFile>();
    for (const commit of chain.commits) {
      const changes = await diffTrees(commit.parentTree, commit.tree, (oid) => this.readTree(oid), this.limits.files * 4);
      const shapes = judgeShapes(changes, this.context.role, this.filesLeft);
      if (shapes !== undefined) return refuse(`${shapes} (commit ${commit.oid.slice(0, 12)})`);
      const blobs = await this.readBlobs(changes);
      const verdict = judgeChanges(changes, { role: this.context.role, blobs, ...(toMain ? {} : { allowUnpairedRetraction: () => true }) });
      if (!verdict.ok) return refuse(`${verdict.reason} (commit ${commit.oid.slice(0, 12)})`);
      for (const change of changes) {
        if (!change.after) {
          files.delete(change.path);
          continue;
        }
        const where = parseCommentFilePath(change.path);
        const bytes = blobs.get(change.after.oid);
        if (!where || !(bytes instanceof Uint8Array)) continue;
        files.set(change.path, { path: change.path, page: where.page, name: change.path.slice(change.path.lastIndexOf('/') + 1), kind: where.kind, oid: parseOid(change.after.oid), bytes });
        this.filesLeft--;
      }
    }
    if (toMain) {
      const last = chain.commits.at(-1);
      const changes = await diffTrees(chain.baseTree, last?.tree, (oid) => this.readTree(oid), this.limits.files * 4);
      return { ref, kind: 'fast-forward', old: this.context.main, new: parseOid(command.new), changes };
    }
    if (files.size === 0) return refuse('the pushed commits add no comment; commit a file comments/<page>/<id>.json first');
    return { ref, kind: 'submission', files: [...files.values()] };
  }

  /** The new commits from `tip` down to a commit the repository has (or a root), oldest first. */
  private async listCommits(tip: string): Promise<{ commits: Array<{ oid: string; tree: string; parentTree: string | undefined }>; base: string | undefined; baseTree: string | undefined } | string> {
    const found: Array<{ oid: string; tree: string; parent: string | undefined }> = [];
    let at: string | undefined = tip;
    while (at !== undefined) {
      const object = this.inPack.get(at);
      // A commit the remote has ends the new ones (git sends history the remote has when it
      // does not know the remote's newest head, as when main moved since its last fetch).
      if (!object || (await this.context.objects.info(at)) !== undefined) break;
      if (object.type !== 'commit') return `${at.slice(0, 12)} is a ${object.type}, not a commit`;
      if (found.length >= this.limits.commits) return `the push carries more than ${this.limits.commits} new commits; push fewer at a time`;
      const commit = decodeCommit(object.content);
      if (commit.parents.length > 1) return 'merge commits are not taken here; push commits with one parent each';
      found.push({ oid: at, tree: commit.tree, parent: commit.parents[0] });
      at = commit.parents[0];
    }
    if (found.length === 0) return 'the push carries no new commit';
    const base = at;
    let baseTree: string | undefined;
    if (base !== undefined) {
      const commit = await this.context.objects.read(base);
      if (commit?.type !== 'commit') return `the parent ${base.slice(0, 12)} is not on the remote; fetch and commit on top of main`;
      baseTree = decodeCommit(commit.content).tree;
    }
    const commits = found.reverse().map((commit, i, all) => ({ oid: commit.oid, tree: commit.tree, parentTree: i === 0 ? baseTree : all[i - 1]?.tree }));
    return { commits, base, baseTree };
  }

  private async readTree(oid: string) {
    const object = this.inPack.get(oid);
    if (object) return object.type === 'tree' ? decodeTree(object.content) : undefined;
    return this.context.objects.readTree(oid);
  }

  /** Bytes of added files and of removed comments (for a retraction's secret); sizes alone past the limit. */
  private async readBlobs(changes: readonly FileChange[]): Promise<Map<string, Uint8Array | number>> {
    const blobs = new Map<string, Uint8Array | number>();
    const wanted = changes.flatMap((change) => [change.after?.oid, !change.after && parseCommentFilePath(change.path)?.kind === 'comment' ? change.before?.oid : undefined]);
    for (const oid of wanted) {
      if (oid === undefined || blobs.has(oid)) continue;
      const packed = this.inPack.get(oid);
      if (packed) {
        if (packed.type === 'blob') blobs.set(oid, packed.content);
        continue;
      }
      const info = await this.context.objects.info(oid);
      if (info?.type !== 'blob') continue;
      if (info.size > MAX_COMMENT_FILE_BYTES) blobs.set(oid, info.size);
      else {
        const object = await this.context.objects.read(oid);
        if (object) blobs.set(oid, object.content);
      }
    }
    return blobs;
  }
}
