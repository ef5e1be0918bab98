// The rules of the comment remote for one set of file changes (a commit against its parent, or a
// push's net change): pure, over blobs the hook has already read. Every file is judged by the
// shared format module (src/comments/record.ts), never by a second copy of its rules.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  MAX_COMMENT_FILE_BYTES,
  commentFilePath,
  parseCommentFilePath,
  validateCommentFile,
  type Comment,
  type Retraction,
} from '../../src/comments/record.ts';

/** Who pushes: an anonymous reader, or the moderator the server checked. */
export type PushRole = 'reader' | 'moderator';

/** A file as a tree holds it. */
export interface FileState {
  oid: string;
  /** Octal git mode, e.g. `100644`. */
  mode: string;
}

/** One path that differs: absent `before` is an addition, absent `after` a removal. */
export interface FileChange {
  path: string;
  before?: FileState;
  after?: FileState;
}

/** What the judge may read: a blob's bytes, or only its size when it was too large to read. */
export type BlobContents = ReadonlyMap<string, Uint8Array | number>;

/** How to judge one change set. */
export interface JudgeOptions {
  role: PushRole;
  blobs: BlobContents;
  /**
   * Whether a retraction may stand without its comment's removal in the same change set: true
   * for a push's net change when the comment was never accepted (added and retracted within the
   * push, each commit judged on its own). Default: never.
   */
  allowUnpairedRetraction?: (commentPath: string) => boolean;
}

/** The judgement: the comments the change adds, or the one reason it is refused. */
export type Verdict = { ok: true; addedComments: string[] } | { ok: false; reason: string };

/**
 * Judges what can be judged without reading a blob: every path a comment file (or, for the
 * moderator, a removal of one), every added file exactly mode 100644 as its tree holds it,
 * nothing edited, and at most `maxFiles` files added. `undefined` when the shapes pass.
 */
export function judgeShapes(changes: readonly FileChange[], role: PushRole, maxFiles: number): string | undefined {
  let added = 0;
  for (const change of changes) {
    const where = parseCommentFilePath(change.path);
    if (!where) return `${change.path} is not a comment file (comments/<page>/<id>.json); only comment files may be pushed here`;
    if (change.before && change.after) return `${change.path} already exists and cannot be changed; comments are never edited (write a reply instead)`;
    if (!change.after) continue;
    if (change.after.mode !== '100644') return `${change.path} must be a plain file (mode 100644, not ${change.after.mode})`;
    if (where.kind === 'hiding' && role !== 'moderator') return `only a moderator may hide a comment (${change.path})`;
    if (++added > maxFiles) return `the push adds more than ${maxFiles} files; the limit is ${maxFiles} per push, so push them a few at a time`;
  }
  return undefined;
}

/** Judges `changes` by the comment remote's rules for `options.role`. */
export function judgeChanges(changes: readonly FileChange[], options: JudgeOptions): Verdict {
  const sorted = [...changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const removed = new Map(sorted.filter((change) => change.before && !change.after).map((change) => [change.path, change]));
  const retracted = new Set<string>();
  const addedComments: string[] = [];
  for (const change of sorted) {
    if (change.before && change.after) {
      return refuse(`${change.path} already exists and cannot be changed; comments are never edited (write a reply instead)`);
    }
    if (!change.after) continue;
    const problem = judgeAddition(change.path, change.after, removed, options);
    if (problem.kind === 'refused') return refuse(problem.reason);
    if (problem.kind === 'comment') addedComments.push(change.path);
    if (problem.kind === 'retraction' && problem.removes !== undefined) retracted.add(problem.removes);
  }
  for (const path of removed.keys()) {
    if (retracted.has(path)) continue;
    if (options.role === 'moderator' && parseCommentFilePath(path)) continue;
    if (options.role === 'moderator') return refuse(`${path} is not a comment file; nobody may remove it here`);
    return refuse(
      `${path} may not be removed: only its author can retract a comment (remove it and add <id>.retracted.json with the secret in one commit), and only a moderator can delete one`,
    );
  }
  return { ok: true, addedComments };
}

type Addition = { kind: 'refused'; reason: string } | { kind: 'comment' | 'hiding' } | { kind: 'retraction'; removes: string | undefined };

function judgeAddition(path: string, after: FileState, removed: ReadonlyMap<string, FileChange>, options: JudgeOptions): Addition {
  if (after.mode !== '100644') return refused(`${path} must be a plain file (mode 100644, not ${after.mode})`);
  const contents = options.blobs.get(after.oid);
  if (contents === undefined) return refused(`${path} could not be read`);
  // Too large to be worth reading: the format module's own limit, its own wording.
  if (typeof contents === 'number') return refused(`${path} is ${contents} bytes; the limit is ${MAX_COMMENT_FILE_BYTES}`);
  const judged = validateCommentFile(path, contents);
  if (!judged.ok) return refused(`${judged.reason}; fix the file and push again`);
  const where = parseCommentFilePath(path);
  if (!where) return refused(`${path} is not a comment file`);
  if (where.kind === 'comment') return { kind: 'comment' };
  if (where.kind === 'hiding') {
    return options.role === 'moderator' ? { kind: 'hiding' } : refused(`only a moderator may hide a comment (${path})`);
  }
  const commentPath = commentFilePath(where.page, where.id);
  const removal = removed.get(commentPath);
  if (!removal?.before) {
    if (options.allowUnpairedRetraction?.(commentPath)) return { kind: 'retraction', removes: undefined };
    return refused(`${path} retracts a comment this change does not remove; remove ${commentPath} in the same commit`);
  }
  const comment = options.blobs.get(removal.before.oid);
  const judgedComment = comment instanceof Uint8Array ? validateCommentFile(commentPath, comment) : undefined;
  if (!judgedComment?.ok) return refused(`${commentPath} is not a valid comment, so ${path} cannot retract it`);
  const secret = (judged.value as Retraction).secret;
  if (bytesToHex(sha256(new TextEncoder().encode(secret))) !== (judgedComment.value as Comment).secretHash) {
    return refused(`the secret in ${path} does not match the comment's secretHash; only the browser that wrote a comment can retract it`);
  }
  return { kind: 'retraction', removes: commentPath };
}

function refused(reason: string): Addition {
  return { kind: 'refused', reason };
}

function refuse(reason: string): Verdict {
  return { ok: false, reason };
}
