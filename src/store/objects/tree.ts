import { InvalidObjectError } from '../errors.ts';
import type { Oid } from '../oid.ts';
import { compareBytes, concatBytes, fromUtf8, utf8 } from './bytes.ts';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** Modes git writes in trees. Unknown modes read from a foreign repo are kept as they were. */
export const FILE_MODE = {
  file: '100644',
  executable: '100755',
  symlink: '120000',
  tree: '40000',
  gitlink: '160000',
} as const;

/** One entry of a tree object. */
export interface TreeEntry {
  name: string;
  mode: string;
  oid: Oid;
  /** The name's bytes as read, kept so a name that is not valid UTF-8 survives a rewrite. */
  nameBytes?: Uint8Array;
}

/** True for entries that are sub-trees (folders). */
export function isTreeMode(mode: string): boolean {
  return mode === FILE_MODE.tree || mode === '040000';
}

const SLASH = 0x2f;

function nameKey(entry: TreeEntry): Uint8Array {
  const name = entry.nameBytes ?? utf8(entry.name);
  // Git sorts a folder as if its name ended in '/', so "a-b" < "a/" < "a0" though "a" < "a-b".
  return isTreeMode(entry.mode) ? concatBytes([name, Uint8Array.of(SLASH)]) : name;
}

/** Orders entries exactly as git does: by name bytes, folders compared as `name/`. */
export function sortTreeEntries(entries: readonly TreeEntry[]): TreeEntry[] {
  return entries
    .map((entry) => ({ entry, key: nameKey(entry) }))
    .sort((a, b) => compareBytes(a.key, b.key))
    .map(({ entry }) => entry);
}

/** Encodes a tree's content: `<mode> <name>\0<20-byte id>` per entry, in git's order. */
export function encodeTree(entries: readonly TreeEntry[]): Uint8Array {
  return encodeSortedTree(sortTreeEntries(entries));
}

/** {@link encodeTree} for entries already in git's order. */
export function encodeSortedTree(entries: readonly TreeEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    parts.push(utf8(`${entry.mode} `), entry.nameBytes ?? utf8(entry.name), Uint8Array.of(0), hexToBytes(entry.oid));
  }
  return concatBytes(parts);
}

/** Decodes a tree's content into its entries, in stored order. */
export function decodeTree(content: Uint8Array): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    if (space < 0) throw new InvalidObjectError('tree', 'entry without a mode');
    const nul = content.indexOf(0, space + 1);
    if (nul < 0 || nul + 21 > content.length) throw new InvalidObjectError('tree', 'truncated entry');
    const mode = fromUtf8(content.subarray(offset, space));
    if (!/^[0-7]{5,6}$/.test(mode)) throw new InvalidObjectError('tree', `bad mode ${JSON.stringify(mode)}`);
    const nameBytes = content.slice(space + 1, nul);
    if (nameBytes.length === 0) throw new InvalidObjectError('tree', 'empty entry name');
    const name = fromUtf8(nameBytes);
    const oid = bytesToHex(content.subarray(nul + 1, nul + 21)) as Oid;
    const roundTrips = compareBytes(utf8(name), nameBytes) === 0;
    entries.push(roundTrips ? { name, mode, oid } : { name, mode, oid, nameBytes });
    offset = nul + 21;
  }
  return entries;
}
