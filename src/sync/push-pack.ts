import type { GitStore, Oid } from '../store/index.ts';
import { demultiplexSideBand, encodePktLine, FLUSH_PKT, ProtocolError, readPktLines } from './protocol/index.ts';
import type { ReportProgress } from './outcome.ts';
import { buildPack, joinChunks } from './pack-work/pack-work.ts';
import type { Transport } from './transport.ts';

const ZERO_ID = '0'.repeat(40);

/** What the remote said of one pushed ref. */
export type PushOutcome = { kind: 'ok' } | { kind: 'rejected'; reason: string; remoteMessages: string };

/**
 * Sends the commits `local` has and `remoteHead` lacks, with only the objects they add, and
 * asks the remote to move `ref` from `remoteHead` to `local`. The remote refuses unless its
 * ref still points at `remoteHead`, so a device that got there first is never overwritten.
 */
export async function pushPack(
  transport: Transport,
  store: GitStore,
  ref: string,
  remoteHead: Oid | undefined,
  local: Oid,
  capabilities: ReadonlySet<string>,
  onProgress: ReportProgress,
): Promise<PushOutcome> {
  const oids = await store.graph.listObjectsToSend([local], remoteHead ? [remoteHead] : []);
  onProgress('packing', 0, oids.length);
  const pack = await buildPack((ids) => store.objects.readLoose(ids), oids, (done) => onProgress('packing', done, oids.length));
  const wanted = ['report-status', 'side-band-64k'].filter((cap) => capabilities.has(cap));
  const command = `${remoteHead ?? ZERO_ID} ${local} ${ref}\0${[...wanted, 'agent=taskgit/0.1'].join(' ')}\n`;
  const body = await joinChunks([encodePktLine(command), FLUSH_PKT, ...pack]);
  onProgress('pushing', 0, body.length);
  const response = await transport.rpc('git-receive-pack', body);
  onProgress('pushing', body.length, body.length);
  if (!capabilities.has('report-status')) return { kind: 'ok' };
  let remoteMessages = '';
  const report = capabilities.has('side-band-64k')
    ? readPktLines(demultiplexSideBand(readPktLines(response), (text) => (remoteMessages += text)))
    : readPktLines(response);
  return readReport(report, ref, remoteMessages);
}

/** Reads `unpack ok` and `ok <ref>` / `ng <ref> <reason>` from a report-status. */
function readReport(packets: ReturnType<typeof readPktLines>, ref: string, remoteMessages: string): PushOutcome {
  const lines = packets.filter((p): p is Uint8Array => p instanceof Uint8Array).map((p) => new TextDecoder().decode(p).replace(/\n$/, ''));
  const unpack = lines.find((line) => line.startsWith('unpack '));
  if (unpack === undefined) throw new ProtocolError('report-status', 'it has no "unpack" line');
  for (const line of lines) {
    if (line === `ok ${ref}`) return { kind: 'ok' };
    if (line.startsWith(`ng ${ref} `)) return { kind: 'rejected', reason: line.slice(`ng ${ref} `.length), remoteMessages };
  }
  if (unpack !== 'unpack ok') return { kind: 'rejected', reason: unpack.slice('unpack '.length), remoteMessages };
  throw new ProtocolError('report-status', `it does not mention ${ref}`);
}
