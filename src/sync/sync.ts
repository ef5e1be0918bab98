import type { GitStore, Oid } from '../store/index.ts';
import { AbortedError, describeRemote, RejectedError, toSyncError } from './errors.ts';
import { fetchPack } from './fetch-pack.ts';
import { releaseFetch, startFetch, startFirstFetch, type FetchStart } from './fetch-start.ts';
import type { ObjectCounts, RemoteMessage, ReportProgress, SyncOutcome, SyncPhase, SyncProgress, SyncSuccess } from './outcome.ts';
import { parseRefAdvertisement } from './protocol/index.ts';
import { pushPack } from './push-pack.ts';
import { createTransport, type RemoteOptions } from './transport.ts';

/** Options of one sync; see {@link sync}. */
export interface SyncOptions extends Omit<RemoteOptions, 'onBytes'> {
  /** Branch to sync, the same name locally and on the remote; default 'main'. */
  branch?: string;
  /** Who the merge commit is by (this device's name); the store's default otherwise. */
  author?: { name: string; email: string };
  /** How far it got; during a fetch, with the objects received, checked and stored. */
  onProgress?: (progress: SyncProgress) => void;
}

/** Rounds of fetch + merge + push before giving up on a remote that keeps moving. */
const MAX_ROUNDS = 5;

/**
 * Brings a branch and its remote together: fetch what the remote has, merge it three-way with
 * the repository's rules, push the result. A push refused because another device got there
 * first starts another round. Takes a repository's objects-and-refs view (`repo.git`). Never
 * throws: a failure comes back as `{ kind: 'failed', error }` with a typed SyncError, and
 * nothing committed locally is ever lost.
 */
export async function sync(store: GitStore, options: SyncOptions): Promise<SyncOutcome> {
  try {
    return await syncRounds(store, options);
  } catch (error) {
    return { kind: 'failed', error: toSyncError(error) };
  }
}

async function syncRounds(store: GitStore, options: SyncOptions): Promise<SyncSuccess> {
  const name = options.branch ?? 'main';
  const ref = `refs/heads/${name}`;
  const tracking = `refs/remotes/origin/${name}`;
  // A fetch's object counts, while it runs: the transport's byte counts carry them too, so the
  // person never sees them drop out between the two kinds of report.
  let fetchObjects: ObjectCounts | undefined;
  const progress: ReportProgress = (phase, loaded, total, objects) => {
    if (objects) fetchObjects = objects;
    if (isRemoteMessage(phase)) options.onProgress?.({ phase: 'remote', message: phase.slice('remote: '.length) });
    else options.onProgress?.({ phase, loaded, ...(total === undefined ? {} : { total }), ...(objects ? { objects } : {}) });
  };
  const merge = { message: `Merge changes from ${describeRemote(options.url)}`, ...(options.author ? { author: options.author } : {}) };
  const transport = createTransport({ ...options, onBytes: (loaded, total) => progress('receiving', loaded, total, fetchObjects) });
  let fetched = false;
  let pushed = false;
  let lastRefusal = 'the remote kept moving'; // a push whose answer was lost may have landed: the next round sees it
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    checkAborted(options.signal, 'discovery');
    progress('discovering', 0);
    const discovery = transport.advertise('git-upload-pack');
    // A first sync starts its fetch while the remote answers (see startFirstFetch); a pull once it must fetch.
    let start: Promise<FetchStart | undefined> | undefined = round === 1 ? startFirstFetch(store, ref, tracking) : undefined;
    start?.catch(() => undefined); // awaited once the remote answered; meanwhile its failure is not unhandled
    let remoteHead: Oid | undefined;
    try {
      remoteHead = parseRefAdvertisement(await discovery, 'git-upload-pack').refs.get(ref);
      if (remoteHead !== undefined && !(await store.objects.has(remoteHead))) {
        const started = (await start) ?? (await (start = startFetch(store, ref, await store.refs.read(tracking))));
        checkAborted(options.signal, 'fetch');
        try {
          await fetchPack(transport, store, remoteHead, started, { onProgress: progress, signal: options.signal, tracking });
        } finally {
          fetchObjects = undefined;
        }
        fetched = true;
      }
    } finally {
      await start?.then((started) => started && releaseFetch(started), () => undefined);
    }
    if (remoteHead !== undefined) {
      await moveTrackingRef(store, tracking, remoteHead);
      checkAborted(options.signal, 'merge');
      progress('merging', 0);
      await store.merge(name, remoteHead, merge);
    }
    const local = await store.refs.read(ref);
    if (local === remoteHead) {
      if (pushed) return { kind: fetched ? 'merged-and-pushed' : 'pushed', head: local };
      return { kind: fetched ? 'pulled' : 'up-to-date', head: local };
    }
    if (local === undefined) return { kind: 'up-to-date', head: undefined };
    checkAborted(options.signal, 'push');
    const advertised = parseRefAdvertisement(await transport.advertise('git-receive-pack'), 'git-receive-pack');
    if (advertised.refs.get(ref) !== remoteHead) continue; // the remote moved since: fetch again
    pushed = true;
    const outcome = await pushPack(transport, store, ref, remoteHead, local, advertised.capabilities, progress);
    if (outcome.kind === 'ok') {
      await moveTrackingRef(store, tracking, local);
      return { kind: fetched ? 'merged-and-pushed' : 'pushed', head: local };
    }
    lastRefusal = [outcome.reason, outcome.remoteMessages.trim()].filter(Boolean).join(': ');
    if (!isRace(outcome.reason)) throw new RejectedError(ref, lastRefusal);
  }
  throw new RejectedError(ref, `it kept refusing after ${MAX_ROUNDS} rounds (last: ${lastRefusal}); sync again later`);
}

function isRemoteMessage(phase: SyncPhase | RemoteMessage): phase is RemoteMessage {
  return phase.startsWith('remote: ');
}

/** Reasons git gives when the ref moved between our look and our push. */
function isRace(reason: string): boolean {
  return /non-fast-forward|fetch first|stale info|failed to lock|failed to update ref|cannot lock ref/.test(reason);
}

function checkAborted(signal: AbortSignal | undefined, phase: string): void {
  if (signal?.aborted) throw new AbortedError(phase);
}

/**
 * Points the remote-tracking ref at `next`. It is only a hint for the next fetch's "have"
 * lines, so losing a race for it to another tab's sync is fine: that tab saw the same remote.
 */
async function moveTrackingRef(store: GitStore, ref: string, next: Oid): Promise<void> {
  const current = await store.refs.read(ref);
  if (current !== next) await store.refs.compareAndSet(ref, current, next);
}
