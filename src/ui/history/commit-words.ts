import type { Commit } from '../../model/index.ts';

/** A commit message's first line. */
export function subjectOf(commit: Pick<Commit, 'message'>): string {
  return commit.message.split('\n', 1)[0] ?? '';
}

/** The lines of a commit message after its subject (and the blank line after it). */
export function bodyOf(commit: Pick<Commit, 'message'>): string {
  return commit.message.split('\n').slice(1).join('\n').trim();
}

/** A commit id as git shortens it. */
export function shortId(id: string): string {
  return id.slice(0, 7);
}
