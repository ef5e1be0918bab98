import { bytesToHex } from '@noble/hashes/utils.js';
import type { Oid } from '../store/index.ts';

/** An entry of a tree that no parent tree has as it is: what a connectivity check must find. */
export interface ChangedEntry {
  oid: Oid;
  isTree: boolean;
  /** The ids of the parents' sub-trees of the same name, to compare the next level with. */
  parentTrees: Oid[];
}

const SPACE = 0x20;
/** Mode bytes: `40000` (or `040000`) is a tree, `160000` a submodule commit (never fetched, never checked). */
const TREE_MODE = [0x34, 0x30, 0x30, 0x30, 0x30];
const LONG_TREE_MODE = [0x30, ...TREE_MODE];
const GITLINK_MODE = [0x31, 0x36, 0x30, 0x30, 0x30, 0x30];

/**
 * The entries of `child` (tree content) that differ from its parents' (tree contents), read
 * straight from the bytes: entries whose bytes equal a parent's, nearly all of them between two
 * commits, are never decoded. Works while the trees hold the same names in the same order;
 * returns `undefined` when a name was added or removed, for the caller to decode instead.
 */
export function changedEntries(child: Uint8Array, parents: readonly Uint8Array[]): ChangedEntry[] | undefined {
  const cursors = parents.map(() => 0);
  const changed: ChangedEntry[] = [];
  for (let start = 0; start < child.length; ) {
    const nul = child.indexOf(0, start);
    if (nul < 0 || nul + 21 > child.length) return undefined; // malformed: let the decoder say how
    const end = nul + 21;
    let same = false;
    const parentTrees: Oid[] = [];
    for (let k = 0; k < parents.length; k++) {
      const parent = parents[k] as Uint8Array;
      const at = cursors[k] as number;
      const parentNul = parent.indexOf(0, at);
      // Same mode and name at the aligned position, or the trees no longer line up.
      if (parentNul - at !== nul - start || !rangesEqual(child, start, parent, at, nul - start)) return undefined;
      cursors[k] = parentNul + 21;
      if (rangesEqual(child, nul + 1, parent, parentNul + 1, 20)) same = true;
      else parentTrees.push(bytesToHex(parent.subarray(parentNul + 1, parentNul + 21)) as Oid);
    }
    if (!same && !wellFormed(child, start, nul)) return undefined; // the decoder says what is wrong
    if (!same && !hasMode(child, start, GITLINK_MODE)) {
      const isTree = hasMode(child, start, TREE_MODE) || hasMode(child, start, LONG_TREE_MODE);
      changed.push({ oid: bytesToHex(child.subarray(nul + 1, end)) as Oid, isTree, parentTrees: isTree ? parentTrees : [] });
    }
    start = end;
  }
  // A parent with entries left over had a name the child lacks: not aligned either.
  return cursors.every((cursor, k) => cursor === (parents[k] as Uint8Array).length) ? changed : undefined;
}

/** `<5 or 6 octal digits> <non-empty name>`: what the decoder would accept of an entry's head. */
function wellFormed(content: Uint8Array, start: number, nul: number): boolean {
  const space = content.indexOf(SPACE, start);
  if (space < start + 5 || space > start + 6 || space + 1 >= nul) return false;
  for (let i = start; i < space; i++) if ((content[i] as number) < 0x30 || (content[i] as number) > 0x37) return false;
  return true;
}

function rangesEqual(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

function hasMode(content: Uint8Array, start: number, mode: readonly number[]): boolean {
  if (content[start + mode.length] !== SPACE) return false;
  return mode.every((byte, i) => content[start + i] === byte);
}
