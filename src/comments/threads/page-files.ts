// The comment files of one page, read and judged by the shared validator (record.ts).
import { parseCommentFilePath, validateCommentFile, type Comment, type Hiding, type Retraction } from '../record.ts';

/** A page's records by comment id, and the files that failed validation (never shown). */
export interface PageFiles {
  comments: Map<string, Comment>;
  retractions: Map<string, Retraction>;
  hidings: Map<string, Hiding>;
  refused: Array<{ path: string; reason: string }>;
}

/** Sorts the files under `comments/<page>/` (path → bytes) into comments, retractions and hidings. */
export function readPageFiles(files: ReadonlyMap<string, Uint8Array>): PageFiles {
  const result: PageFiles = { comments: new Map(), retractions: new Map(), hidings: new Map(), refused: [] };
  for (const [path, bytes] of files) {
    const where = parseCommentFilePath(path);
    const judged = validateCommentFile(path, bytes);
    if (!where || !judged.ok) {
      result.refused.push({ path, reason: judged.ok ? 'not a comment file' : judged.reason });
      continue;
    }
    if (where.kind === 'comment') result.comments.set(where.id, judged.value as Comment);
    else if (where.kind === 'retraction') result.retractions.set(where.id, judged.value as Retraction);
    else result.hidings.set(where.id, judged.value as Hiding);
  }
  return result;
}
