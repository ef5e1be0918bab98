import { encodeJson, parseJsonObject } from '../json.ts';
import { hashObject } from '../objects/index.ts';
import type { FileMergeInput, FileMergeResult } from '../types.ts';
import { mergeJsonObjects } from './json-merge.ts';

/** Suffix of the sibling file that keeps the other side of a conflict nobody could merge. */
export function conflictSuffix(data: Uint8Array): string {
  return `.conflict-${hashObject('blob', data).oid.slice(0, 8)}`;
}

/**
 * The store's default rule for a file both sides changed: nothing written on either side is
 * lost. Deleted on one side and changed on the other: the change is kept. `*.json` records
 * merge field by field (see mergeJsonObjects). Anything else keeps both: the content whose id
 * sorts first stays in place, the other goes to `<name>.conflict-<id>` beside it; the choice
 * depends only on the contents, so every device resolves the same conflict the same way.
 */
export function mergeFileDefault(input: FileMergeInput): FileMergeResult {
  const { path, base, ours, theirs } = input;
  if (ours === undefined) return { data: theirs, conflicted: false };
  if (theirs === undefined) return { data: ours, conflicted: false };
  if (path.endsWith('.json')) {
    const merged = mergeJsonFile(base, ours, theirs);
    if (merged) return merged;
  }
  const [kept, other] = [ours, theirs].sort((a, b) =>
    hashObject('blob', a).oid < hashObject('blob', b).oid ? -1 : 1,
  ) as [Uint8Array, Uint8Array];
  return { data: kept, copies: [{ suffix: conflictSuffix(other), data: other }], conflicted: true };
}

function mergeJsonFile(base: Uint8Array | undefined, ours: Uint8Array, theirs: Uint8Array): FileMergeResult | undefined {
  const oursRecord = parseJsonObject(ours);
  const theirsRecord = parseJsonObject(theirs);
  const baseRecord = base === undefined ? undefined : parseJsonObject(base);
  if (!oursRecord || !theirsRecord || (base !== undefined && !baseRecord)) return undefined;
  const { merged, conflicts } = mergeJsonObjects(baseRecord, oursRecord, theirsRecord);
  return { data: encodeJson(merged), conflicted: conflicts.length > 0 };
}
