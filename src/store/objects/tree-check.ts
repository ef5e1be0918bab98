// Git's rules for a tree's content, as `git fsck` applies them to what a fetch or a bundle
// brings in: a tree that breaks one is refused before anything is stored. Read straight from
// the bytes, without decoding names, since every incoming tree is checked.
import { hasModeBytes, scanTreeEntry, TREE_MODE_BYTES } from './tree-bytes.ts';

const SLASH = 0x2f;
const DOT = 0x2e;
const ZERO = 0x30;
const SEVEN = 0x37;

/** One entry's name, as offsets into the tree's content. */
interface Name {
  start: number;
  end: number;
}

/**
 * Why git would refuse a tree with this content, in a few words, or `undefined` when it is
 * well-formed: an entry cut short, a mode that is not 5 or 6 octal digits or is zero-padded
 * (`040000`), an empty name, a name holding `/`, a name `.`, `..` or `.git` (in any case),
 * two entries of one name, or entries out of git's order (by name bytes, a folder compared as
 * its name followed by `/`).
 */
export function findTreeProblem(content: Uint8Array): string | undefined {
  let previous: Name | undefined;
  let previousIsTree = false;
  /** Files whose names are prefixes of the names after them: a folder of the same name may follow. */
  const files: Name[] = [];
  for (let start = 0; start < content.length; ) {
    const span = scanTreeEntry(content, start);
    if (!span) return 'an entry is cut short';
    const modeProblem = checkMode(content, start, span.space);
    if (modeProblem) return modeProblem;
    const name: Name = { start: span.space + 1, end: span.nul };
    const nameProblem = checkName(content, name);
    if (nameProblem) return nameProblem;
    // Only `40000` is a sub-tree here: `040000` was refused above.
    const isTree = hasModeBytes(content, span, TREE_MODE_BYTES);
    if (previous) {
      const order = compareEntries(content, previous, previousIsTree, name, isTree);
      if (order === 'same') return `it holds ${show(content, name)} twice`;
      if (order === 'after') return `its entries are not in git's order (${show(content, previous)} before ${show(content, name)})`;
    }
    while (files.length > 0 && !startsWith(content, name, files[files.length - 1] as Name)) files.pop();
    const file = files[files.length - 1];
    if (isTree && file && length(file) === length(name)) return `it holds ${show(content, name)} twice`;
    if (!isTree) files.push(name);
    previous = name;
    previousIsTree = isTree;
    start = span.end;
  }
  return undefined;
}

function checkMode(content: Uint8Array, start: number, space: number): string | undefined {
  let valid = space - start >= 5 && space - start <= 6;
  for (let i = start; valid && i < space; i++) valid = (content[i] as number) >= ZERO && (content[i] as number) <= SEVEN;
  if (valid && content[start] !== ZERO) return undefined;
  const mode = JSON.stringify(String.fromCharCode(...content.subarray(start, Math.min(space, start + 8))));
  return valid ? `an entry has the zero-padded mode ${mode}` : `an entry has the mode ${mode}, which is not 5 or 6 octal digits`;
}

function checkName(content: Uint8Array, name: Name): string | undefined {
  const size = length(name);
  if (size === 0) return 'an entry has an empty name';
  for (let i = name.start; i < name.end; i++) if (content[i] === SLASH) return `an entry's name ${show(content, name)} holds "/"`;
  if (content[name.start] !== DOT || size > 4) return undefined;
  const lower = String.fromCharCode(...content.subarray(name.start, name.end)).toLowerCase();
  if (lower === '.' || lower === '..' || lower === '.git') return `it holds an entry named ${show(content, name)}`;
  return undefined;
}

/**
 * How entry `b` sorts against the entry `a` before it (git's fsck `verify_ordered`): 'before'
 * when in order, 'after' when not, 'same' for one name twice (whatever the modes).
 */
function compareEntries(content: Uint8Array, a: Name, aIsTree: boolean, b: Name, bIsTree: boolean): 'before' | 'after' | 'same' {
  const common = Math.min(length(a), length(b));
  for (let i = 0; i < common; i++) {
    const x = content[a.start + i] as number;
    const y = content[b.start + i] as number;
    if (x !== y) return x < y ? 'before' : 'after';
  }
  if (length(a) === length(b)) return 'same';
  const x = length(a) > common ? (content[a.start + common] as number) : aIsTree ? SLASH : 0;
  const y = length(b) > common ? (content[b.start + common] as number) : bIsTree ? SLASH : 0;
  return x < y ? 'before' : 'after';
}

function length(name: Name): number {
  return name.end - name.start;
}

/** True when name `whole` starts with name `prefix`. */
function startsWith(content: Uint8Array, whole: Name, prefix: Name): boolean {
  if (length(prefix) > length(whole)) return false;
  for (let i = 0; i < length(prefix); i++) if (content[whole.start + i] !== content[prefix.start + i]) return false;
  return true;
}

/** A name for a message: its text, quoted, with bytes that are not printable ASCII as `?`. */
function show(content: Uint8Array, name: Name): string {
  const text = String.fromCharCode(...content.subarray(name.start, Math.min(name.end, name.start + 80)));
  return JSON.stringify(text.replace(/[^\x20-\x7e]/g, '?'));
}
