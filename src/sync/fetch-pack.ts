import { concatBytes, type GitStore, type Oid } from '../store/index.ts';
import { describeClosureProblem } from './describe-closure.ts';
import { demultiplexSideBand, encodePktLine, FLUSH_PKT, parsePack, ProtocolError, readPktLines, type PackObject, type PktLine } from './protocol/index.ts';
import type { ReportProgress } from './outcome.ts';
import type { Transport } from './transport.ts';

/** Capabilities a fetch asks for; git's http-backend, Gitea and GitHub all offer them. */
const FETCH_CAPABILITIES = ['side-band-64k', 'ofs-delta', 'thin-pack', 'agent=taskgit/0.1'];

/** How many of our own commits to name as "have", newest first, beyond the known remote head. */
const MAX_HAVES = 32;

/**
 * Fetches what `want` needs that we lack, as one stateless upload-pack request: our newest
 * commits as "have" (the last known remote head first, which is almost always enough), then
 * "done". Returns the pack's objects, hashed and checked (no hole, every tree as git requires
 * it: see the store's `graph.checkClosed`), not yet stored.
 */
export async function fetchPack(
  transport: Transport,
  store: GitStore,
  want: Oid,
  haves: readonly Oid[],
  onProgress: ReportProgress,
): Promise<PackObject[]> {
  const lines = [encodePktLine(`want ${want} ${FETCH_CAPABILITIES.join(' ')}\n`), FLUSH_PKT];
  for (const have of haves.slice(0, MAX_HAVES)) lines.push(encodePktLine(`have ${have}\n`));
  lines.push(encodePktLine('done\n'));
  const response = await transport.rpc('git-upload-pack', concatBytes(lines));
  const packets = readPktLines(response);
  // Acknowledgements ("NAK", or "ACK <id>") come first, then the side-band stream, whose
  // packets start with a band byte (1, 2 or 3) and so never look like one.
  let start = 0;
  while (start < packets.length && isAcknowledgement(packets[start])) start++;
  const pack = demultiplexSideBand(packets.slice(start), (message) => onProgress(`remote: ${message.trim()}`, 0));
  const objects = await parsePack(pack, async (oid) => {
    try {
      return await store.objects.read(oid);
    } catch {
      return undefined;
    }
  });
  onProgress('unpacking', objects.length, objects.length);
  if (objects.length === 0 && !(await store.objects.has(want))) {
    throw new ProtocolError('pack', `it holds no objects, though ${want} was asked for`);
  }
  const problem = await store.graph.checkClosed(new Map(objects.map((object) => [object.oid, object])), [want]);
  if (problem) throw new ProtocolError('pack', describeClosureProblem(problem, 'the pack'));
  return objects;
}

function isAcknowledgement(packet: PktLine | undefined): boolean {
  if (!(packet instanceof Uint8Array) || packet.length < 3) return false;
  const word = String.fromCharCode(packet[0] as number, packet[1] as number, packet[2] as number);
  return word === 'NAK' || word === 'ACK';
}
