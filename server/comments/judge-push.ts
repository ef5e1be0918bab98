// Judges one push to a comment repository, as git's pre-receive hook sees it: the ref updates,
// then every new commit on its own (so refused content never enters history) and the net change
// from the old tip to the new one (so a merge cannot drop or edit what was accepted).
import { MAX_COMMENTS_PER_PUSH, MAX_COMMENT_FILE_BYTES, commentFilePath, parseCommentFilePath } from '../../src/comments/record.ts';
import { judgeChanges, type FileChange, type PushRole } from './judge-changes.ts';
import type { ObjectReader } from './object-reader.ts';
import { runGit } from './run-git.ts';
import { EMPTY_TREE } from '../../src/store/index.ts';
import { diffTrees } from './tree-diff.ts';

/** The one branch a comment repository has. */
export const COMMENTS_REF = 'refs/heads/main';
/** The most new commits an anonymous push may carry (a reader offline for a while has a few). */
export const MAX_COMMITS_PER_PUSH = 100;
const ZERO_OID = /^0{40}$/;

/** One line of pre-receive's input: `<old> <new> <ref>`. */
export interface RefUpdate {
  old: string;
  new: string;
  ref: string;
}

/** What the judge needs of the repository. */
export interface PushContext {
  role: PushRole;
  /** The repository (the hook's working directory) and git's environment (quarantine included). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  objects: ObjectReader;
}

/** Reads pre-receive's standard input. */
export function parseRefUpdates(input: string): RefUpdate[] {
  return input
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [old = '', next = '', ref = ''] = line.trim().split(' ');
      return { old, new: next, ref };
    });
}

/** The reason the push is refused, in one line that says what to do; `undefined` to accept it. */
export async function judgePush(updates: readonly RefUpdate[], context: PushContext): Promise<string | undefined> {
  for (const update of updates) {
    if (update.ref !== COMMENTS_REF) return `only ${COMMENTS_REF} takes pushes here, not ${update.ref}; push your comments to main`;
    if (ZERO_OID.test(update.new)) return `${COMMENTS_REF} cannot be deleted; push commits that add comments instead`;
  }
  for (const update of updates) {
    const refusal = await judgeUpdate(update, context);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

async function judgeUpdate(update: RefUpdate, context: PushContext): Promise<string | undefined> {
  const { objects } = context;
  if ((await objects.info(update.new))?.type !== 'commit') return `${COMMENTS_REF} must point at a commit`;
  const first = ZERO_OID.test(update.old);
  if (!first && (await runGit(['merge-base', '--is-ancestor', update.old, update.new], context.cwd, context.env)).status !== 0) {
    return `the push does not fast-forward ${COMMENTS_REF} (force-pushes are refused); fetch the remote's comments, merge them and push again`;
  }
  const commits = await listNewCommits(update.new, context);
  if (context.role === 'reader' && commits.length > MAX_COMMITS_PER_PUSH) {
    return `the push carries more than ${MAX_COMMITS_PER_PUSH} new commits; push fewer at a time`;
  }
  const trees = new Map<string, string>();
  for (const oid of new Set([update.new, ...(first ? [] : [update.old]), ...commits.flatMap((commit) => [commit.oid, ...commit.parents])])) {
    const tree = await objects.info(`${oid}^{tree}`);
    if (tree === undefined) throw new Error(`commit ${oid} has no tree`);
    trees.set(oid, tree.oid);
  }
  const treeOf = (oid: string) => trees.get(oid) ?? EMPTY_TREE;
  const pairs: Array<readonly [string, string]> = [[first ? EMPTY_TREE : treeOf(update.old), treeOf(update.new)]];
  for (const commit of commits) {
    if (commit.parents.length === 0) pairs.push([EMPTY_TREE, treeOf(commit.oid)]);
    for (const parent of commit.parents) pairs.push([treeOf(parent), treeOf(commit.oid)]);
  }
  const [net = [], ...diffs] = await diffTrees(pairs, context.cwd, context.env);
  const changeSets = commits.map((commit) => {
    const own = diffs.splice(0, Math.max(1, commit.parents.length));
    return { oid: commit.oid, changes: introducedChanges(own) };
  });
  const blobs = await readBlobs([net, ...changeSets.map((set) => set.changes)], objects);
  const added = new Set<string>();
  for (const set of changeSets) {
    const verdict = judgeChanges(set.changes, { role: context.role, blobs });
    if (!verdict.ok) return `${verdict.reason} (commit ${set.oid.slice(0, 12)})`;
    for (const path of verdict.addedComments) added.add(path);
  }
  const existedBefore = await listExisting(net, first ? undefined : update.old, objects);
  const verdict = judgeChanges(net, { role: context.role, blobs, allowUnpairedRetraction: (path) => !existedBefore.has(path) });
  if (!verdict.ok) return verdict.reason;
  if (context.role === 'reader' && added.size > MAX_COMMENTS_PER_PUSH) {
    return `the push adds ${added.size} comments; the limit is ${MAX_COMMENTS_PER_PUSH} per push, so push them a few at a time`;
  }
  return undefined;
}

interface NewCommit {
  oid: string;
  parents: string[];
}

/**
 * Commits reachable from `tip` and from no ref of the repository, oldest first (so a refusal names
 * the commit that brought the problem), at most one past the limit.
 */
async function listNewCommits(tip: string, context: PushContext): Promise<NewCommit[]> {
  const args = ['rev-list', '--topo-order', '--reverse', '--parents', `--max-count=${MAX_COMMITS_PER_PUSH + 1}`, tip, '--not', '--all'];
  const outcome = await runGit(args, context.cwd, context.env);
  if (outcome.status !== 0) throw new Error(`git rev-list failed: ${outcome.stderr.trim()}`);
  return outcome.stdout
    .toString('latin1')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [oid = '', ...parents] = line.split(' ');
      return { oid, parents };
    });
}

/**
 * What a commit itself brought, given its diffs against each parent: for a merge, only the paths
 * where it differs from every parent (a clean merge brings nothing of its own; its parents'
 * changes are judged in their own commits or were accepted before).
 */
function introducedChanges(diffs: readonly FileChange[][]): FileChange[] {
  const [first = [], ...others] = diffs;
  return first.filter((change) => others.every((diff) => diff.some((other) => other.path === change.path)));
}

/** Bytes of every added file and every removed comment (for its secretHash); sizes only past the limit. */
async function readBlobs(changeSets: readonly FileChange[][], objects: ObjectReader): Promise<Map<string, Uint8Array | number>> {
  const wanted = new Set<string>();
  for (const changes of changeSets) {
    for (const change of changes) {
      if (change.after && !change.before) wanted.add(change.after.oid);
      if (change.before && !change.after && parseCommentFilePath(change.path)?.kind === 'comment') wanted.add(change.before.oid);
    }
  }
  const blobs = new Map<string, Uint8Array | number>();
  for (const oid of wanted) {
    const info = await objects.info(oid);
    if (info === undefined || info.type !== 'blob') continue;
    blobs.set(oid, info.size > MAX_COMMENT_FILE_BYTES ? info.size : await objects.contents(oid));
  }
  return blobs;
}

/** Of the comments retracted by `net`, those the old tip held. */
async function listExisting(net: readonly FileChange[], old: string | undefined, objects: ObjectReader): Promise<Set<string>> {
  const existing = new Set<string>();
  if (old === undefined) return existing;
  for (const change of net) {
    const where = parseCommentFilePath(change.path);
    if (!change.after || where?.kind !== 'retraction') continue;
    const commentPath = commentFilePath(where.page, where.id);
    if ((await objects.info(`${old}:${commentPath}`)) !== undefined) existing.add(commentPath);
  }
  return existing;
}
