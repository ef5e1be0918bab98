// A refusal as the reader is told it: the comment remote words its refusals for git users, naming
// file paths (`comments/<page>/<id>.json`) and fields; the widget sorts the ones a reader can meet
// into kinds its string table words, and for any other it puts "this comment" where the path was.
import { parseCommentFilePath } from '../record.ts';

/** The refusals a reader's own comment or retraction can meet, and any other. */
export type RefusalKind = 'deleted' | 'retracted' | 'id-taken' | 'wrong-secret' | 'no-such-comment' | 'other';

/** A refusal sorted; `words` is the remote's reason with file paths and commit ids taken out. */
export interface RefusalWords {
  kind: RefusalKind;
  words: string;
}

const KINDS: ReadonlyArray<[RefusalKind, RegExp]> = [
  ['deleted', /was deleted by a moderator/],
  ['retracted', /was retracted by its author/],
  ['id-taken', /already exists/],
  ['wrong-secret', /does not match the comment's secretHash/],
  ['no-such-comment', /retracts a comment the remote does not have/],
];

const COMMENT_PATH = /comments\/[^/\s]+\/[^/\s]+\.json/g;

/** Sorts the remote's `reason` for refusing the file at `path`. */
export function refusalWords(path: string, reason: string): RefusalWords {
  const kind = KINDS.find(([, pattern]) => pattern.test(reason))?.[0] ?? 'other';
  const words = (reason.startsWith(`${path}: `) ? reason.slice(path.length + 2) : reason)
    .replace(COMMENT_PATH, (found) => (found === path ? (parseCommentFilePath(found)?.kind === 'retraction' ? 'this retraction' : 'this comment') : 'a comment'))
    .replace(/ \(commit [0-9a-f]{7,40}\)/g, '')
    .replace(/; fix the file and push again$/, '')
    .replace(/[.\s]+$/, '');
  return { kind, words };
}
