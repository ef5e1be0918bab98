// What a reader's actions write: a new comment (its retract secret kept in this browser first),
// or a retraction. Each is one commit in the browser's repository; publishing is the caller's.
import { MAX_COMMENTS_PER_PUSH, type Comment } from '../record.ts';
import { InvalidCommentError, hashSecret, makeSecret, type CommentRepo, type LocalMemory } from '../storage/index.ts';
import type { Strings } from '../strings/index.ts';
import type { CommentRequest } from './comment-form.ts';
import { newCommentId } from './new-comment-id.ts';

/** Where an action writes. */
export interface ActionTarget {
  repo: CommentRepo;
  memory: LocalMemory;
  page: string;
  strings: Strings;
}

/**
 * Commits a new comment. Resolves to `undefined` when it is saved, else to the words to show (the
 * form keeps the text): too many comments still waiting (the remote takes at most
 * MAX_COMMENTS_PER_PUSH new ones per push), a comment the validator refuses, or storage failing.
 */
export async function postComment(target: ActionTarget, request: CommentRequest, now = new Date()): Promise<string | undefined> {
  const { repo, memory, strings } = target;
  try {
    const waiting = (await repo.listPending()).filter((change) => change.kind === 'comment').length;
    if (waiting >= MAX_COMMENTS_PER_PUSH) return strings.tooManyPending(MAX_COMMENTS_PER_PUSH);
    const id = newCommentId();
    const secret = makeSecret();
    memory.saveSecret(id, secret);
    const comment: Comment = {
      id,
      page: target.page,
      anchor: request.anchor,
      parent: request.parent,
      author: request.author,
      body: request.body,
      created: now.toISOString(),
      secretHash: await hashSecret(secret),
    };
    await repo.addComment(comment);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidCommentError) return error.message;
    return strings.storageFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Retracts one of this browser's comments: its file removed and a tombstone with its secret added,
 * in one commit. Resolves to the words to show when it could not.
 */
export async function retractComment(target: ActionTarget, id: string, now = new Date()): Promise<string | undefined> {
  const secret = target.memory.secret(id);
  if (secret === undefined) return undefined; // not this browser's comment: no button was shown
  try {
    await target.repo.retract({ id, page: target.page, secret, retracted: now.toISOString() });
    return undefined;
  } catch (error) {
    if (error instanceof InvalidCommentError) return error.message;
    return target.strings.storageFailed(error instanceof Error ? error.message : String(error));
  }
}
