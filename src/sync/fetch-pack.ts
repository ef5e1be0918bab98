import { concatBytes, type GitStore, type ObjectImport, type ObjectRun, type Oid } from '../store/index.ts';
import { describeClosureProblem } from './describe-closure.ts';
import type { FetchStart } from './fetch-start.ts';
import { readLocalBases } from './local-base.ts';
import { AbortedError, quotaAsStorageFull } from './errors.ts';
import { encodePktLine, FLUSH_PKT, ProtocolError } from './protocol/index.ts';
import type { ObjectCounts, ReportProgress } from './outcome.ts';
import type { Transport } from './transport.ts';
import { startUnpack, type UnpackSession } from './unpack/unpack-session.ts';
import type { UnpackSummary } from './unpack/unpacker.ts';

/** Capabilities a fetch asks for; git's http-backend, Gitea and GitHub all offer them. */
const FETCH_CAPABILITIES = ['side-band-64k', 'ofs-delta', 'thin-pack', 'agent=taskgit/0.1'];

/** What a fetch needs besides the remote and the store. */
export interface FetchOptions {
  onProgress: ReportProgress;
  signal?: AbortSignal;
  /** The remote-tracking ref to point at `want` in the same transaction that shows the objects. */
  tracking: string;
}

/**
 * Fetches what `want` needs that we lack, as one stateless upload-pack request: `start`'s "have"
 * commits (the last known remote head first, which is almost always enough), then "done". The
 * answer is unpacked as it streams in (in a Web Worker in the browser), and its verified objects
 * are stored run by run into `start`'s import, hidden, in bounded transactions. Only once the whole
 * pack checked out and leaves no hole (everything it names is in it or stored) are they shown,
 * together with the tracking ref moved to `want`. A failure or an abort at any point deletes
 * what was stored: the store is as it was.
 */
export async function fetchPack(transport: Transport, store: GitStore, want: Oid, start: FetchStart, options: FetchOptions): Promise<void> {
  const { available, imported } = start;
  const lines = [encodePktLine(`want ${want} ${FETCH_CAPABILITIES.join(' ')}\n`), FLUSH_PKT];
  for (const have of start.haves) lines.push(encodePktLine(`have ${have}\n`));
  lines.push(encodePktLine('done\n'));
  const counts: ObjectCounts = { received: 0, resolved: 0, stored: 0 };
  let receivedBytes = 0;
  let storedBytes = 0;
  const report = (): void => options.onProgress('receiving', receivedBytes, undefined, { ...counts });
  const session: UnpackSession = startUnpack(
    { want, ...(imported.target ? { target: imported.target } : {}), ...(available === undefined ? {} : { maxStoredBytes: available }) },
    {
      storeRun: (run, bytes) => putRun(imported, run, storedBytes + bytes, available),
      stored(objects, bytes) {
        storedBytes += bytes;
        counts.stored += objects;
        report();
      },
      progress(progress) {
        receivedBytes = progress.receivedBytes;
        counts.received = progress.receivedObjects;
        counts.resolved = progress.resolvedObjects;
        if (progress.totalObjects !== undefined) counts.total = progress.totalObjects;
        report();
      },
      serverMessage: (text) => options.onProgress(`remote: ${text.trim()}`, 0),
      resolveBases: (oids) => readLocalBases(store, oids),
    },
    start.prestarted,
  );
  const stop = (): void => session.abort(new AbortedError('fetch'));
  options.signal?.addEventListener('abort', stop);
  if (options.signal?.aborted) stop(); // a worker's request is not given the signal: it is ended instead
  try {
    const summary = await requestPack(transport, concatBytes(lines), session);
    if (options.signal?.aborted) throw new AbortedError('fetch');
    options.onProgress('checking', summary.objects, summary.objects, { ...counts });
    if (summary.objects === 0 && !(await store.objects.has(want))) {
      throw new ProtocolError('pack', `it holds no objects, though ${want} was asked for`);
    }
    const [missing] = await store.objects.missing(summary.hasWanted ? summary.outside : [want, ...summary.outside]);
    if (missing !== undefined) throw new ProtocolError('pack', describeClosureProblem({ kind: 'missing', oid: missing }, 'the pack'));
    const current = await store.refs.read(options.tracking);
    const move = { name: options.tracking, expected: current, next: want, ...(summary.wanted ? { nextRaw: summary.wanted } : {}) };
    if (!(await imported.commit(move))) await imported.commit();
  } catch (error) {
    session.abort(error instanceof Error ? error : new Error(String(error)));
    await imported.abort();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

/**
 * Makes the upload-pack request and unpacks its answer. Where the unpack runs in a worker and the
 * transport can be made in another (one of `createTransport`'s), a worker makes the request and
 * hands the answer to the unpack worker: the page's main thread then handles none of its chunks
 * (reading a 9.2 MB answer there took 70-90 ms of its CPU in ~180 tasks, and posting each chunk
 * more). Otherwise the answer is read here and each chunk handed to the unpack.
 */
async function requestPack(transport: Transport, body: Uint8Array, session: UnpackSession): Promise<UnpackSummary> {
  const elsewhere = transport.portable && session.fetch?.(transport.portable, body);
  if (elsewhere) return elsewhere;
  await transport.rpcStream('git-upload-pack', body, (chunk) => session.push(chunk));
  return session.end();
}

/** Stores a run; a quota IndexedDB enforces is said in the same words as the one foreseen. */
async function putRun(imported: ObjectImport, run: ObjectRun, needed: number, available: number | undefined): Promise<void> {
  await imported.put(run).catch((error: unknown) => {
    throw quotaAsStorageFull(error, needed, available);
  });
}
