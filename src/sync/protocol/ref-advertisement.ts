import { isOid, type Oid } from '../../store/index.ts';
import { ProtocolError } from './errors.ts';
import { readPktLines, type PktLine } from './pkt-line.ts';

/** What a server's `GET /info/refs?service=...` response says (protocol v0/v1). */
export interface RefAdvertisement {
  /** Every advertised ref (`HEAD`, `refs/heads/main`, `refs/tags/v1`) and the object it names. */
  refs: Map<string, Oid>;
  /** For annotated tags, the object each tag ref peels to (from the `<ref>^{}` lines). */
  peeled: Map<string, Oid>;
  /** Capability tokens as sent, e.g. `side-band-64k`, `agent=git/2.39.5`, `symref=HEAD:refs/heads/main`. */
  capabilities: Set<string>;
  /** Symbolic refs from the `symref=<from>:<to>` capabilities. */
  symrefs: Map<string, string>;
  /** The branch `HEAD` points at, when the server said so. */
  headTarget?: string;
  /** Commits the server's repository is shallow at (`shallow <oid>` lines). */
  shallow: Oid[];
  /** 1 when the server sent a `version 1` line, else 0. */
  version: 0 | 1;
}

const decoder = new TextDecoder();
const ZERO_OID = '0'.repeat(40);

function fail(problem: string): never {
  throw new ProtocolError('ref-advertisement', problem);
}

function textOf(packet: PktLine | undefined): string | undefined {
  if (packet === undefined || typeof packet === 'string') return undefined;
  const text = decoder.decode(packet);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * Parses a smart-HTTP v0/v1 ref advertisement: an optional `# service=<service>` line and
 * flush, an optional `version 1` line, then `<oid> <ref>\0<capabilities>` and one `<oid> <ref>`
 * line per further ref (peeled tags as `<ref>^{}`), ended by a flush. An empty repository
 * sends `<zero-id> capabilities^{}\0<caps>` (receive-pack) or nothing at all (upload-pack).
 * Throws ProtocolError for anything else, including a `version 2` answer.
 */
export function parseRefAdvertisement(bytes: Uint8Array, service: 'git-upload-pack' | 'git-receive-pack'): RefAdvertisement {
  const packets = readPktLines(bytes);
  let i = 0;
  const serviceLine = textOf(packets[0]);
  if (serviceLine?.startsWith('# service=')) {
    const sent = serviceLine.slice('# service='.length);
    if (sent !== service) fail(`an answer for ${JSON.stringify(sent)} where ${service} was asked for`);
    if (packets[1] !== 'flush') fail('no flush after the "# service=" line');
    i = 2;
  }
  const advertisement: RefAdvertisement = {
    refs: new Map(),
    peeled: new Map(),
    capabilities: new Set(),
    symrefs: new Map(),
    shallow: [],
    version: 0,
  };
  const versionLine = textOf(packets[i]);
  if (versionLine?.startsWith('version ')) {
    if (versionLine !== 'version 1') fail(`"${versionLine}", a protocol version we did not ask for`);
    advertisement.version = 1;
    i++;
  }
  for (let first = true; ; first = false, i++) {
    const packet = packets[i];
    if (packet === 'flush') break;
    if (packet === undefined) fail('no flush at the end of the ref list');
    if (packet === 'delim') fail('a delim packet in the ref list');
    readRefLine(packet, first, advertisement);
  }
  if (i !== packets.length - 1) fail('data after the flush that ends the ref list');
  const head = advertisement.symrefs.get('HEAD');
  if (head !== undefined) advertisement.headTarget = head;
  return advertisement;
}

function readRefLine(packet: Uint8Array, first: boolean, out: RefAdvertisement): void {
  const nul = packet.indexOf(0);
  if (nul >= 0 && !first) fail('capabilities on a line other than the first');
  const line = textOf(nul >= 0 ? packet.subarray(0, nul) : packet) as string;
  if (nul >= 0) readCapabilities(textOf(packet.subarray(nul + 1)) as string, out);
  if (line.startsWith('shallow ')) {
    out.shallow.push(parseId(line.slice('shallow '.length), line));
    return;
  }
  const space = line.indexOf(' ');
  const oid = parseId(line.slice(0, space), line);
  const name = line.slice(space + 1);
  if (space !== 40 || !/^[^\0-\x20\x7f]+$/.test(name)) fail(`a ref line ${JSON.stringify(line)} that is not "<id> <name>"`);
  if (name === 'capabilities^{}') {
    if (!first || oid !== ZERO_OID) fail('"capabilities^{}" other than as the only line of an empty repository');
    return;
  }
  if (name.endsWith('^{}')) {
    const tag = name.slice(0, -3);
    if (!out.refs.has(tag)) fail(`a peeled line for ${tag}, which was not advertised before it`);
    out.peeled.set(tag, oid);
    return;
  }
  out.refs.set(name, oid);
}

function readCapabilities(text: string, out: RefAdvertisement): void {
  for (const token of text.split(' ')) {
    if (token === '') continue;
    out.capabilities.add(token);
    if (token.startsWith('symref=')) {
      const value = token.slice('symref='.length);
      const colon = value.indexOf(':');
      if (colon <= 0 || colon === value.length - 1) fail(`a malformed capability ${JSON.stringify(token)}`);
      out.symrefs.set(value.slice(0, colon), value.slice(colon + 1));
    }
  }
}

function parseId(text: string, line: string): Oid {
  if (!isOid(text)) fail(`an object id that is not 40 lowercase hex digits in ${JSON.stringify(line)}`);
  return text;
}
