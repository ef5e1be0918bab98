// One publish: push this reader's waiting comment files to the comment remote, each as a root
// commit of its own to refs/for/main/<file> (the remote folds it into main and answers per ref),
// then fetch the page's snapshot. Loaded by dynamic import the first time it is needed: it
// carries the smart-HTTP and packfile code.
import { MAX_COMMENTS_PER_PUSH } from '../record.ts';
import { decodeCommit, decodeTree } from '../../store/index.ts';
import { ProtocolError, SyncError, createTransport, parsePack, type PackObject, type Transport } from '../../sync/index.ts';
import type { CommentRepo, PendingChange } from '../storage/index.ts';
import { describeFailure } from './describe-failure.ts';
import type { PublishOutcome } from './publish-outcome.ts';
import { encodeSubmission, readSubmissionReport } from './submission.ts';

/** How long one request may take before the attempt counts as offline. */
const REQUEST_TIMEOUT_MS = 20_000;

/** How a {@link publish} goes. */
export interface PublishOptions {
  signal?: AbortSignal;
  /**
   * Leave the page's snapshot for later when something was pushed (the remote's answer already
   * shows it published; the caller refreshes a little later, once for many publishes).
   */
  deferRefresh?: boolean;
}

/** Publishes what waits in `comments`' outbox to `url`, then refreshes `page` (see `deferRefresh`); never throws. */
export async function publish(comments: CommentRepo, url: string, page: string, options: PublishOptions = {}): Promise<PublishOutcome> {
  const { signal } = options;
  try {
    const pushed = await pushOutbox(comments, url, signal);
    if (pushed > 0 && options.deferRefresh) return { ok: true, refreshed: false };
    await refreshPage(comments, url, page, signal);
    return { ok: true, refreshed: true };
  } catch (error) {
    return { ok: false, failure: error instanceof SyncError ? describeFailure(error) : { kind: 'other', reason: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Pushes every waiting file, a few per request, recording per file what the remote said; returns
 * how many were pushed. Throws a SyncError when the remote cannot be asked.
 */
export async function pushOutbox(comments: CommentRepo, url: string, signal?: AbortSignal): Promise<number> {
  const transport = commentTransport(url, signal);
  // The list is read again only when it held more than one push: a comment posted meanwhile
  // asks its publisher for another attempt, which finds it.
  let pushed = 0;
  for (let pending = await comments.listPending(); pending.length > 0; ) {
    const changes = pending.slice(0, MAX_COMMENTS_PER_PUSH);
    await pushChanges(comments, transport, changes);
    pushed += changes.length;
    pending = pending.length > MAX_COMMENTS_PER_PUSH ? await comments.listPending() : [];
  }
  return pushed;
}

/** One push of `changes` (at most a push's worth), what the remote said of each recorded. */
async function pushChanges(comments: CommentRepo, transport: Transport, changes: readonly PendingChange[]): Promise<void> {
  const submission = encodeSubmission(changes);
  await comments.recordOutcomes(readSubmissionReport(await transport.rpc('git-receive-pack', submission.body), submission.refs));
}

/**
 * Fetches the page's snapshot (revalidated through the HTTP cache) and stores it. Published
 * comments of this reader's it does not show are pushed again, once a visit: the remote answers
 * that it has them (the snapshot was older than they), or why they are gone (a moderator deleted
 * one), and such a one is set aside with those words.
 */
export async function refreshPage(comments: CommentRepo, url: string, page: string, signal?: AbortSignal): Promise<void> {
  const transport = commentTransport(url, signal);
  const pack = await transport.get(`pages/${page}.pack`);
  const objects = await parsePack(pack, async () => undefined);
  const commit = objects.find((object) => object.type === 'commit');
  if (!commit || !isClosed(commit, objects)) throw new ProtocolError('pack', `the snapshot of ${page} is not one whole commit`);
  const unconfirmed = await comments.storeSnapshot(page, commit.oid, objects);
  comments.askedAgain(unconfirmed.map((change) => change.path));
  for (let start = 0; start < unconfirmed.length; start += MAX_COMMENTS_PER_PUSH) await pushChanges(comments, transport, unconfirmed.slice(start, start + MAX_COMMENTS_PER_PUSH));
}

/**
 * The way to the comment remote. Pushes go untyped: a browser then sends them to the remote's
 * origin with no CORS preflight, one round trip less between a reader's submit and their comment
 * published (and, when a crowd posts, a hundred requests fewer at the remote).
 */
function commentTransport(url: string, signal: AbortSignal | undefined): Transport {
  return createTransport({ url, timeoutMs: REQUEST_TIMEOUT_MS, untypedPosts: true, ...(signal ? { signal } : {}) });
}

/** Whether every object `commit` reaches is in `objects` (a snapshot is stored whole or not at all). */
function isClosed(commit: PackObject, objects: readonly PackObject[]): boolean {
  const byId = new Map(objects.map((object) => [object.oid as string, object]));
  const queue = [decodeCommit(commit.content).tree as string];
  while (queue.length > 0) {
    const object = byId.get(queue.pop() as string);
    if (!object) return false;
    if (object.type === 'tree') queue.push(...decodeTree(object.content).map((entry) => entry.oid as string));
  }
  return true;
}
