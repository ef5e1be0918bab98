import { decodeCommit, type ObjectType, type Oid } from '../../store/index.ts';
import { ProtocolError } from '../protocol/index.ts';

const SPACE = 0x20;
const ZERO = 0x30;

/**
 * The objects a fetched commit or tag names, each with the type it must be: a commit's tree and
 * parents, a tag's target (a tree's are read in place: {@link treeLinks}).
 */
export function objectLinks(oid: Oid, type: 'commit' | 'tag', content: Uint8Array, into: (oid: Oid, type: ObjectType) => void): void {
  if (type === 'commit') {
    const commit = decodeOrRefuse(oid, type, () => decodeCommit(content));
    into(commit.tree, 'tree');
    for (const parent of commit.parents) into(parent, 'commit');
  } else {
    const header = new TextDecoder().decode(content.subarray(0, 200));
    const match = /^object ([0-9a-f]{40})\ntype (blob|tree|commit|tag)\n/.exec(header);
    if (!match) throw new ProtocolError('pack', `its tag ${oid} has no object and type lines`);
    into(match[1] as Oid, match[2] as ObjectType);
  }
}

/**
 * The objects a fetched tree names, each as where its 20 bytes lie in `content` and whether it
 * must be a tree (else a blob; gitlinks name commits of other repositories, so they are skipped).
 * Scanned in place, without decoding names or making strings of ids; a tree that is not
 * `<octal mode> <name>\0<20 bytes>` entries is the server's fault, said as a ProtocolError.
 */
export function treeLinks(oid: Oid, content: Uint8Array, into: (at: number, isTree: boolean) => void): void {
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
    into(nul + 1, (mode & 0o170000) === 0o040000);
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
