import { InvalidObjectError } from '../errors.ts';
import { OID_BYTES, oidFromBytes, parseOid, writeOidBytes, type Oid } from '../oid.ts';
import { compareBytes, concatBytes, fromUtf8, utf8 } from './bytes.ts';
import { scanTreeEntry } from './tree-bytes.ts';

/** Modes git writes in trees. Unknown modes read from a foreign repo are kept as they were. */
export const FILE_MODE = {
  file: '100644',
  executable: '100755',
  symlink: '120000',
  tree: '40000',
  gitlink: '160000',
} as const;

/**
 * The tree with no entries, the same id in every git repository. Like git, the store treats it as
 * always present: a commit may name it without it being stored (a branch whose last file went).
 */
export const EMPTY_TREE: Oid = parseOid('4b825dc642cb6eb9a060e54bf8d69288fbee4904');

/** One entry of a tree object. */
export interface TreeEntry {
  name: string;
  mode: string;
  oid: Oid;
  /** The name's bytes as read, kept so a name that is not valid UTF-8 survives a rewrite. */
  nameBytes?: Uint8Array;
}

/**
 * A key naming an entry uniquely within its tree. Names that are not valid UTF-8 all decode to
 * text with U+FFFD and could collide; they are keyed by their bytes instead (NUL-prefixed, which
 * no decoded name can start with).
 */
export function treeEntryKey(entry: TreeEntry): string {
  return entry.nameBytes ? `\0${String.fromCharCode(...entry.nameBytes)}` : entry.name;
}

/** True for entries that are sub-trees (folders). */
export function isTreeMode(mode: string): boolean {
  return mode === FILE_MODE.tree || mode === '040000';
}

const SLASH = 0x2f;

/** Below U+D800, JS string order (UTF-16) and git's order (UTF-8 bytes) agree. */
const NEEDS_BYTE_ORDER = /[\uD800-\uFFFF]/;

function nameKey(entry: TreeEntry): Uint8Array {
  const name = entry.nameBytes ?? utf8(entry.name);
  return isTreeMode(entry.mode) ? concatBytes([name, Uint8Array.of(SLASH)]) : name;
}

/** Orders entries exactly as git does: by name bytes, folders compared as `name/`. */
export function sortTreeEntries(entries: readonly TreeEntry[]): TreeEntry[] {
  // Git sorts a folder as if its name ended in '/', so "a-b" < "a/" < "a0" though "a" < "a-b".
  if (entries.some((entry) => entry.nameBytes !== undefined || NEEDS_BYTE_ORDER.test(entry.name))) {
    return entries
      .map((entry) => ({ entry, key: nameKey(entry) }))
      .sort((a, b) => compareBytes(a.key, b.key))
      .map(({ entry }) => entry);
  }
  // The common case, and a hot path of every commit: compare strings, no encoding.
  return entries
    .map((entry) => ({ entry, key: isTreeMode(entry.mode) ? `${entry.name}/` : entry.name }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ entry }) => entry);
}

/** Encodes a tree's content: `<mode> <name>\0<20-byte id>` per entry, in git's order. */
export function encodeTree(entries: readonly TreeEntry[]): Uint8Array {
  return encodeTreeInto(sortTreeEntries(entries), '');
}

/**
 * A tree's loose-object form, `tree <size>\0` and its content, for entries already in git's
 * order, written into one buffer (hashed and stored as it is, with no copy to add the header).
 */
export function encodeSortedTreeRaw(entries: readonly TreeEntry[]): Uint8Array {
  return encodeTreeInto(entries, 'tree');
}

/** Printable ASCII names are written char by char, skipping the UTF-8 encoder. */
const PRINTABLE_ASCII = /^[ -~]*$/;

/** The content, after `<type> <size>\0` when `type` is given, in one buffer. */
function encodeTreeInto(entries: readonly TreeEntry[], type: string): Uint8Array {
  const names = entries.map((entry) => entry.nameBytes ?? (PRINTABLE_ASCII.test(entry.name) ? entry.name : utf8(entry.name)));
  let length = 0;
  for (let i = 0; i < entries.length; i++) length += (entries[i] as TreeEntry).mode.length + (names[i] as string | Uint8Array).length + 22;
  const header = type === '' ? '' : `${type} ${length}\0`;
  const out = new Uint8Array(header.length + length);
  let at = 0;
  for (let c = 0; c < header.length; c++) out[at++] = header.charCodeAt(c);
  for (let i = 0; i < entries.length; i++) {
    const { mode, oid } = entries[i] as TreeEntry;
    for (let c = 0; c < mode.length; c++) out[at++] = mode.charCodeAt(c);
    out[at++] = 0x20;
    const name = names[i] as string | Uint8Array;
    if (typeof name === 'string') for (let c = 0; c < name.length; c++) out[at++] = name.charCodeAt(c);
    else {
      out.set(name, at);
      at += name.length;
    }
    out[at++] = 0;
    writeOidBytes(oid, out, at);
    at += OID_BYTES;
  }
  return out;
}

/** Decodes a tree's content into its entries, in stored order. */
export function decodeTree(content: Uint8Array): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (let offset = 0; offset < content.length; ) {
    const span = scanTreeEntry(content, offset);
    if (!span) throw new InvalidObjectError('tree', 'truncated entry');
    const { space, nul } = span;
    const mode = asciiName(content, offset, space) ?? '';
    if (!/^[0-7]{5,6}$/.test(mode)) throw new InvalidObjectError('tree', `bad mode ${JSON.stringify(mode)}`);
    if (nul === space + 1) throw new InvalidObjectError('tree', 'empty entry name');
    const oid = oidFromBytes(content, nul + 1);
    const ascii = asciiName(content, space + 1, nul);
    if (ascii !== undefined) {
      entries.push({ name: ascii, mode, oid });
    } else {
      // Keep the bytes of a name that is not valid UTF-8, so a rewrite reproduces it exactly.
      const nameBytes = content.slice(space + 1, nul);
      const name = fromUtf8(nameBytes);
      const roundTrips = compareBytes(utf8(name), nameBytes) === 0;
      entries.push(roundTrips ? { name, mode, oid } : { name, mode, oid, nameBytes });
    }
    offset = span.end;
  }
  return entries;
}

/** Longer names are decoded by the UTF-8 decoder (a call takes only so many arguments). */
const MAX_CHAR_CODES = 1024;

/**
 * The text of bytes `from`..`to` when all are ASCII (the common case, decoded cheaply), as one
 * flat string: one built a character at a time is a chain of pieces that V8 walks again on every
 * comparison (finding a name among a shard's ~390 took longer than hashing the shard).
 */
function asciiName(content: Uint8Array, from: number, to: number): string | undefined {
  for (let i = from; i < to; i++) if ((content[i] as number) >= 0x80) return undefined;
  const bytes = content.subarray(from, to);
  return bytes.length > MAX_CHAR_CODES ? fromUtf8(bytes) : String.fromCharCode(...bytes);
}
