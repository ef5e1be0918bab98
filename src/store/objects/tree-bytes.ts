// The layout of a tree's content, `<mode> <name>\0<20-byte id>` per entry, read in place: the
// reader of tree bytes that the decoder, the staging area and the comparison of a tree with its
// parents' (which must not decode what did not change) use. Git's tree rules (tree-check.ts)
// read the same layout in a pass of their own that makes no object per entry.
import { OID_BYTES } from '../oid.ts';

/** Where one entry lies: mode at `start..space`, name at `space+1..nul`, id at `nul+1..end`. */
export interface EntrySpan {
  start: number;
  space: number;
  nul: number;
  /** Where the next entry starts. */
  end: number;
}

const SPACE = 0x20;

/** The entry that starts at `start`, or `undefined` when it is cut short (no mode, no name end, or a short id). */
export function scanTreeEntry(content: Uint8Array, start: number): EntrySpan | undefined {
  const space = content.indexOf(SPACE, start);
  if (space < 0) return undefined;
  const nul = content.indexOf(0, space + 1);
  if (nul < 0 || nul + 1 + OID_BYTES > content.length) return undefined;
  return { start, space, nul, end: nul + 1 + OID_BYTES };
}

/** Mode bytes of a sub-tree (`40000`) and of a submodule's commit (`160000`). */
const TREE_MODE_BYTES = Uint8Array.of(0x34, 0x30, 0x30, 0x30, 0x30);
export const GITLINK_MODE_BYTES = Uint8Array.of(0x31, 0x36, 0x30, 0x30, 0x30, 0x30);

/** True when the entry's mode is exactly `mode` (bytes). */
export function hasModeBytes(content: Uint8Array, span: EntrySpan, mode: Uint8Array): boolean {
  return span.space - span.start === mode.length && rangesEqual(content, span.start, mode, 0, mode.length);
}

/** True when the entry is a sub-tree: mode `40000`, or `040000` as some old tools wrote it. */
export function isTreeSpan(content: Uint8Array, span: EntrySpan): boolean {
  const from = span.space - span.start === 6 && content[span.start] === 0x30 ? span.start + 1 : span.start;
  return span.space - from === TREE_MODE_BYTES.length && rangesEqual(content, from, TREE_MODE_BYTES, 0, TREE_MODE_BYTES.length);
}

/** True when bytes `a[aStart..aStart+length]` equal `b[bStart..bStart+length]`. */
export function rangesEqual(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
