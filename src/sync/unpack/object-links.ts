import { decodeCommit, type ObjectType, type Oid } from '../../store/index.ts';
import { ProtocolError } from '../protocol/index.ts';

/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** 20 bytes of an id as 40 hex digits. */
function hexId(bytes: Uint8Array, at: number): Oid {
  let out = '';
  for (let i = at; i < at + 20; i++) out += HEX[bytes[i] as number];
  return out as Oid;
}

/** An object an object names, and the type it must have. */
export type Link = [oid: Oid, type: ObjectType];

const SPACE = 0x20;
const ZERO = 0x30;

/**
 * The objects a fetched object names, each with the type it must be: a commit's tree and
 * parents, a tree's entries (gitlinks name commits of other repositories, so they are skipped),
 * a tag's target. A tree is scanned in place, without decoding names; one that is not
 * `<octal mode> <name>\0<20 bytes>` entries is the server's fault, said as a ProtocolError.
 */
export function objectLinks(oid: Oid, type: ObjectType, content: Uint8Array, into: (oid: Oid, type: ObjectType) => void): void {
  if (type === 'tree') return treeLinks(oid, content, into);
  if (type === 'commit') {
    const commit = decodeOrRefuse(oid, type, () => decodeCommit(content));
    into(commit.tree, 'tree');
    for (const parent of commit.parents) into(parent, 'commit');
  } else if (type === 'tag') {
    const header = new TextDecoder().decode(content.subarray(0, 200));
    const match = /^object ([0-9a-f]{40})\ntype (blob|tree|commit|tag)\n/.exec(header);
    if (!match) throw new ProtocolError('pack', `its tag ${oid} has no object and type lines`);
    into(match[1] as Oid, match[2] as ObjectType);
  }
}

function treeLinks(oid: Oid, content: Uint8Array, into: (oid: Oid, type: ObjectType) => void): void {
  let at = 0;
  while (at < content.length) {
    let mode = 0;
    let digits = 0;
    for (; at < content.length && content[at] !== SPACE; at++, digits++) {
      const digit = (content[at] as number) - ZERO;
      if (digit < 0 || digit > 7) malformed(oid, 'a mode that is not octal');
      mode = mode * 8 + digit;
    }
    if (digits === 0 || digits > 6) malformed(oid, 'an entry without a mode');
    const nul = content.indexOf(0, at + 1);
    if (nul < 0 || nul === at + 1) malformed(oid, 'an entry without a name');
    if (nul + 21 > content.length) malformed(oid, 'an entry cut short');
    at = nul + 21;
    if (mode === 0o160000) continue;
    into(hexId(content, nul + 1), (mode & 0o170000) === 0o040000 ? 'tree' : 'blob');
  }
}

function malformed(oid: Oid, problem: string): never {
  throw new ProtocolError('pack', `its tree ${oid} is malformed (${problem})`);
}

function decodeOrRefuse<T>(oid: Oid, type: ObjectType, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw new ProtocolError('pack', `its ${type} ${oid} is malformed (${error instanceof Error ? error.message : String(error)})`);
  }
}
