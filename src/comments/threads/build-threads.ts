// Threads of a page: comments with their replies, retracted and hidden ones kept as placeholders
// so their replies stay where they were. Pure.
import { commentFilePath, parseCommentFilePath, type Anchor, type Comment } from '../record.ts';
import type { PageFiles } from './page-files.ts';

/** Where a comment (or its retraction) is: only in this browser, on the remote too, or refused by it for good. */
export type PublishState = 'local' | 'published' | 'set-aside';

/** One comment of a thread. */
export interface ThreadEntry {
  id: string;
  /**
   * What is shown: the comment, or a placeholder; `unreadable` is a file of this reader's that
   * the shared validator refuses (set aside with its reason, shown so it is never silently lost).
   */
  state: 'visible' | 'retracted' | 'hidden' | 'unreadable';
  /** The comment's record; absent once retracted (its file is removed). */
  comment?: Comment;
  /** Where the thread sits: the comment's anchor, else the first reply's (a reply carries its parent's). */
  anchor: Anchor;
  /** For ordering: when it was written (or retracted, or hidden, when the comment is gone). */
  time: string;
  /** Of the comment, or of its retraction when it is retracted. */
  publish: PublishState;
  /** A file of this entry the remote refused for good (the comment, or its retraction), and why. */
  refusal?: { path: string; reason: string };
  /** Of an `unreadable` entry: the words its file still holds, shown as plain text for its writer to copy. */
  words?: string;
  replies: ThreadEntry[];
}

const PAGE_ANCHOR: Anchor = { kind: 'page' };

/**
 * Builds the threads of a page, oldest first. `published` holds the paths the remote has,
 * `setAside` those it (or this widget's validator) refused for good, with the words why; a
 * set-aside file that does not validate is an `unreadable` entry on the page. A reply
 * whose parent is unknown becomes a thread of its own: nothing is ever dropped from view.
 */
export function buildThreads(page: string, files: PageFiles, published: ReadonlySet<string>, setAside: ReadonlyMap<string, string> = new Map()): ThreadEntry[] {
  const ids = new Set([...files.comments.keys(), ...files.retractions.keys(), ...files.hidings.keys()]);
  const entries = new Map<string, ThreadEntry>();
  for (const id of ids) {
    const comment = files.comments.get(id);
    const retraction = files.retractions.get(id);
    const hiding = files.hidings.get(id);
    const commentPath = commentFilePath(page, id);
    const retractionPath = commentFilePath(page, id, 'retraction');
    // A retraction the remote refused did not happen: the comment shows, with the refusal.
    const retracted = retraction !== undefined && !(comment && setAside.has(retractionPath));
    const state = hiding ? 'hidden' : retracted ? 'retracted' : 'visible';
    const path = retracted ? retractionPath : commentPath;
    const refusedPath = [retractionPath, commentPath].find((candidate) => setAside.has(candidate));
    entries.set(id, {
      id,
      state,
      ...(comment ? { comment } : {}),
      anchor: comment?.anchor ?? PAGE_ANCHOR,
      time: comment?.created ?? retraction?.retracted ?? hiding?.hidden ?? '',
      publish: published.has(path) || (state === 'hidden' && !comment) ? 'published' : setAside.has(path) ? 'set-aside' : 'local',
      ...(refusedPath === undefined ? {} : { refusal: { path: refusedPath, reason: setAside.get(refusedPath) as string } }),
      replies: [],
    });
  }
  for (const { path, body } of files.refused) {
    const reason = setAside.get(path);
    const id = parseCommentFilePath(path)?.id ?? path;
    if (reason === undefined || entries.has(id)) continue;
    entries.set(id, { id, state: 'unreadable', anchor: PAGE_ANCHOR, time: '', publish: 'set-aside', refusal: { path, reason }, ...(body === undefined ? {} : { words: body }), replies: [] });
  }
  const roots: ThreadEntry[] = [];
  for (const entry of entries.values()) {
    const parentId = entry.comment?.parent;
    const parent = parentId ? entries.get(parentId) : undefined;
    if (parent && !loopsBack(entry, entries)) parent.replies.push(entry);
    else roots.push(entry);
  }
  for (const entry of entries.values()) {
    entry.replies.sort(byTime);
    if (!entry.comment && entry.replies[0]) entry.anchor = entry.replies[0].anchor;
  }
  return roots.sort(byTime);
}

/** True when following parents from `entry` comes back to it (crafted files): it becomes a thread. */
function loopsBack(entry: ThreadEntry, entries: ReadonlyMap<string, ThreadEntry>): boolean {
  const seen = new Set<string>();
  for (let at: ThreadEntry | undefined = entry; at?.comment?.parent; at = entries.get(at.comment.parent)) {
    if (seen.has(at.id)) return true;
    seen.add(at.id);
  }
  return false;
}

function byTime(a: ThreadEntry, b: ThreadEntry): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1;
}

/** Every entry of the threads, replies included. */
export function countEntries(threads: readonly ThreadEntry[]): number {
  return threads.reduce((sum, entry) => sum + 1 + countEntries(entry.replies), 0);
}
