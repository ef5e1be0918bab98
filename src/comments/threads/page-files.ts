// The comment files of one page, read and judged by the shared validator (record.ts).
import { parseCommentFilePath, validateCommentFile, type Comment, type Hiding, type Retraction } from '../record.ts';

/** A page's records by comment id, and the files that failed validation (never shown as comments). */
export interface PageFiles {
  comments: Map<string, Comment>;
  retractions: Map<string, Retraction>;
  hidings: Map<string, Hiding>;
  /** With `body`, the text a refused file still holds in its `body` field, so its writer can copy it. */
  refused: Array<{ path: string; reason: string; body?: string }>;
}

/** Sorts the files under `comments/<page>/` (path → bytes) into comments, retractions and hidings. */
export function readPageFiles(files: ReadonlyMap<string, Uint8Array>): PageFiles {
  const result: PageFiles = { comments: new Map(), retractions: new Map(), hidings: new Map(), refused: [] };
  for (const [path, bytes] of files) {
    const where = parseCommentFilePath(path);
    const judged = validateCommentFile(path, bytes);
    if (!where || !judged.ok) {
      const body = readableBody(bytes);
      result.refused.push({ path, reason: judged.ok ? 'not a comment file' : judged.reason, ...(body === undefined ? {} : { body }) });
      continue;
    }
    if (where.kind === 'comment') result.comments.set(where.id, judged.value as Comment);
    else if (where.kind === 'retraction') result.retractions.set(where.id, judged.value as Retraction);
    else result.hidings.set(where.id, judged.value as Hiding);
  }
  return result;
}

/** The `body` of a file that is a JSON object with a text `body`, whatever else is wrong with it. */
function readableBody(bytes: Uint8Array): string | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const body = typeof value === 'object' && value !== null ? (value as { body?: unknown }).body : undefined;
    return typeof body === 'string' && body.trim() !== '' ? body : undefined;
  } catch {
    return undefined;
  }
}
