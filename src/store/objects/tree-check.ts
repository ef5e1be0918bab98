// Git's rules for a tree's content, as `git fsck` applies them to what a fetch or a bundle
// brings in: a tree that breaks one is refused before anything is stored. Read straight from
// the bytes in one pass, making nothing per entry (a fetch checks every entry of every tree it
// brings: ~300,000 in the sync bench's pull), and naming each entry's id to the caller on the way.
import { OID_BYTES } from '../oid.ts';

const SPACE = 0x20;
const SLASH = 0x2f;
const DOT = 0x2e;
const ZERO = 0x30;
const SEVEN = 0x37;
/** Letters fold to lower case by this bit (only for the ASCII letters of `.git`). */
const LOWER = 0x20;
const TREE_MODE = 0o40000;
const GITLINK_MODE = 0o160000;

/**
 * Told each entry's id, once its entry is found well-formed, as where its 20 bytes start in the
 * tree's content and whether it must be a tree (mode `40000`; else a blob). A gitlink (`160000`)
 * names a commit of another repository and is not told.
 */
export type TreeLinkVisitor = (idAt: number, isTree: boolean) => void;

/**
 * Why git would refuse a tree with this content, in a few words, or `undefined` when it is
 * well-formed: an entry cut short, a mode that is not 5 or 6 octal digits or is zero-padded
 * (`040000`), an empty name, a name holding `/`, a name `.`, `..` or `.git` (in any case),
 * two entries of one name, or entries out of git's order (by name bytes, a folder compared as
 * its name followed by `/`). `link`, if given, is told the id of each entry before the next
 * is read: entries after the first problem are not told.
 */
export function findTreeProblem(content: Uint8Array, link?: TreeLinkVisitor): string | undefined {
  const size = content.length;
  let previousStart = -1;
  let previousEnd = -1;
  let previousIsTree = false;
  /**
   * Files whose names are prefixes of the names after them, as start and end pairs: a folder of
   * the same name may follow. Each is a prefix of the next, so it is one entry deep but for
   * names such as `a`, `a-b`.
   */
  const files: number[] = [];
  for (let start = 0; start < size; ) {
    let space = start;
    while (space < size && content[space] !== SPACE) space++;
    let nul = space + 1;
    let slash = -1;
    for (; nul < size; nul++) {
      const byte = content[nul] as number;
      if (byte === 0) break;
      if (byte === SLASH && slash < 0) slash = nul;
    }
    const end = nul + 1 + OID_BYTES;
    if (space >= size || end > size) return 'an entry is cut short';
    const mode = modeOf(content, start, space);
    if (mode < 0) return modeProblem(content, start, space, mode);
    const nameStart = space + 1;
    if (nul === nameStart) return 'an entry has an empty name';
    if (slash >= 0) return `an entry's name ${show(content, nameStart, nul)} holds "/"`;
    if (isDotName(content, nameStart, nul)) return `it holds an entry named ${show(content, nameStart, nul)}`;
    // Only `40000` is a sub-tree here: `040000` was refused above.
    const isTree = mode === TREE_MODE;
    if (previousStart >= 0) {
      const order = compareNames(content, previousStart, previousEnd, previousIsTree, nameStart, nul, isTree);
      if (order === 0) return `it holds ${show(content, nameStart, nul)} twice`;
      if (order > 0) return `its entries are not in git's order (${show(content, previousStart, previousEnd)} before ${show(content, nameStart, nul)})`;
    }
    while (files.length > 0 && !startsWith(content, nameStart, nul, files[files.length - 2] as number, files[files.length - 1] as number)) files.length -= 2;
    if (isTree && files.length > 0 && (files[files.length - 1] as number) - (files[files.length - 2] as number) === nul - nameStart) {
      return `it holds ${show(content, nameStart, nul)} twice`;
    }
    if (!isTree) files.push(nameStart, nul);
    if (link !== undefined && mode !== GITLINK_MODE) link(nul + 1, isTree);
    previousStart = nameStart;
    previousEnd = nul;
    previousIsTree = isTree;
    start = end;
  }
  return undefined;
}

/** Not 5 or 6 octal digits. */
const NOT_OCTAL = -1;
/** Octal, but with a leading zero (`040000`). */
const ZERO_PADDED = -2;

/** The value of the mode at `start..space`, or NOT_OCTAL / ZERO_PADDED. */
function modeOf(content: Uint8Array, start: number, space: number): number {
  const digits = space - start;
  if (digits < 5 || digits > 6) return NOT_OCTAL;
  let mode = 0;
  for (let i = start; i < space; i++) {
    const byte = content[i] as number;
    if (byte < ZERO || byte > SEVEN) return NOT_OCTAL;
    mode = mode * 8 + (byte - ZERO);
  }
  return content[start] === ZERO ? ZERO_PADDED : mode;
}

function modeProblem(content: Uint8Array, start: number, space: number, problem: number): string {
  const mode = JSON.stringify(String.fromCharCode(...content.subarray(start, Math.min(space, start + 8))));
  return problem === ZERO_PADDED ? `an entry has the zero-padded mode ${mode}` : `an entry has the mode ${mode}, which is not 5 or 6 octal digits`;
}

/** True for the names `.`, `..` and `.git` in any case. */
function isDotName(content: Uint8Array, start: number, end: number): boolean {
  if (content[start] !== DOT) return false;
  const size = end - start;
  if (size === 1) return true;
  if (size === 2) return content[start + 1] === DOT;
  return (
    size === 4 &&
    ((content[start + 1] as number) | LOWER) === 0x67 && // g
    ((content[start + 2] as number) | LOWER) === 0x69 && // i
    ((content[start + 3] as number) | LOWER) === 0x74 // t
  );
}

/**
 * How name `b` sorts against the name `a` before it (git's fsck `verify_ordered`): negative when
 * in order, positive when not, 0 for one name twice (whatever the modes).
 */
function compareNames(content: Uint8Array, aStart: number, aEnd: number, aIsTree: boolean, bStart: number, bEnd: number, bIsTree: boolean): number {
  const aSize = aEnd - aStart;
  const bSize = bEnd - bStart;
  const common = Math.min(aSize, bSize);
  for (let i = 0; i < common; i++) {
    const x = content[aStart + i] as number;
    const y = content[bStart + i] as number;
    if (x !== y) return x - y;
  }
  if (aSize === bSize) return 0;
  const x = aSize > common ? (content[aStart + common] as number) : aIsTree ? SLASH : 0;
  const y = bSize > common ? (content[bStart + common] as number) : bIsTree ? SLASH : 0;
  return x < y ? -1 : 1;
}

/** True when the name at `start..end` starts with the name at `prefixStart..prefixEnd`. */
function startsWith(content: Uint8Array, start: number, end: number, prefixStart: number, prefixEnd: number): boolean {
  const size = prefixEnd - prefixStart;
  if (size > end - start) return false;
  for (let i = 0; i < size; i++) if (content[start + i] !== content[prefixStart + i]) return false;
  return true;
}

/** A name for a message: its text, quoted, with bytes that are not printable ASCII as `?`. */
function show(content: Uint8Array, start: number, end: number): string {
  const text = String.fromCharCode(...content.subarray(start, Math.min(end, start + 80)));
  return JSON.stringify(text.replace(/[^\x20-\x7e]/g, '?'));
}
