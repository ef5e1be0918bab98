import type { ObjectRun } from '../../store/index.ts';
import { ownBuffers, ownCopy } from '../pack-work/object-parts.ts';
import type { ResolveBases } from '../protocol/index.ts';
import { watchSilence, type PortableRemote, type SilenceWatch } from '../transport.ts';
import { receiveError } from './sent-error.ts';
import { type FromAnswerReader, type FromWorker, type ToAnswerReader, type ToRunStore, type ToWorker } from './unpack-messages.ts';
import type { Unpacker, UnpackOptions, UnpackProgress, UnpackSummary } from './unpacker.ts';

/** What the page does with an unpack's results: store runs, show progress, lend thin-pack bases. */
export interface UnpackHandlers {
  /**
   * Stores one run of verified objects; the unpack waits for it before handing over a second.
   * Not called when a worker stores the runs itself (`options.target`).
   */
  storeRun(run: ObjectRun, bytes: number): Promise<void>;
  /** A run of `objects` (`bytes` in all) is stored, by `storeRun` or by the worker. */
  stored(objects: number, bytes: number): void;
  progress(progress: UnpackProgress): void;
  serverMessage(text: string): void;
  resolveBases: ResolveBases;
}

/** One unpack under way. */
export interface UnpackSession {
  /** The next bytes of the answer; resolves once they may be dropped by the caller. */
  push(chunk: Uint8Array): Promise<void>;
  /** The answer is over; resolves with what the pack held once every run is stored. */
  end(): Promise<UnpackSummary>;
  /**
   * Instead of `push` and `end`: makes the upload-pack request with `body` in another worker (the
   * run store worker's thread, see answer-reader.ts), which hands the answer's chunks straight to
   * the unpack worker, so the page never handles them; resolves as `end` does. Absent, or
   * undefined, where the unpack runs in the caller's thread or no such worker can start: the
   * caller then reads the answer and pushes it.
   */
  readonly fetch?: (remote: PortableRemote, body: Uint8Array) => Promise<UnpackSummary> | undefined;
  /** Stops at once (the worker is ended); `end` and `push` then reject. */
  abort(reason: Error): void;
}

/**
 * A fetch's two workers started ahead of it, while the sync still asks the remote what it holds
 * (see {@link prestartUnpack}): {@link startUnpack} takes them.
 */
export interface PrestartedUnpack {
  /** Ends them unless a fetch took them (the remote had nothing new, or the sync failed first). */
  release(): void;
  /** The workers, once: undefined after `release` or a first `take`. */
  take(): StartedWorkers | undefined;
}

/** An unpack worker and the worker that stores its runs and reads the answer, with how either failed to start, if it did. */
interface StartedWorkers {
  unpack: Worker;
  fetcher: Worker | undefined;
  startFailure(): Error | undefined;
}

/**
 * Starts a fetch's workers now, so that their start (~20-30 ms each to a running script on two
 * busy cores, measured in a 9.2 MB first sync) overlaps the discovery instead of holding up the
 * request. Undefined where no worker can start.
 */
export function prestartUnpack(): PrestartedUnpack | undefined {
  endLingering();
  const workers = startWorkers(true);
  if (!workers) return undefined;
  // A first sync all but surely fetches much: its unpack worker writes its chunks' memory meanwhile.
  workers.unpack.postMessage({ type: 'warm' } satisfies ToWorker);
  let held: StartedWorkers | undefined = workers;
  return {
    release() {
      held?.unpack.terminate();
      held?.fetcher?.terminate();
      held = undefined;
    },
    take() {
      const taken = held;
      held = undefined;
      return taken;
    },
  };
}

/**
 * Starts unpacking a fetch's answer: in a Web Worker where the platform has them, so inflating,
 * applying deltas and hashing never hold up the page, else (Node, or a page that may not start
 * a worker from the script's origin) in this thread, with the same code. Takes the workers of
 * `prestarted` when it has them.
 */
export function startUnpack(options: UnpackOptions, handlers: UnpackHandlers, prestarted?: PrestartedUnpack): UnpackSession {
  const taken = prestarted?.take();
  // A fetch right after another (the remote moved, a second sync) ends the last one's idle workers
  // first: never two fetches' memory at once.
  if (!taken) endLingering();
  // Runs are stored by a worker of their own where the store lets another realm write them, so
  // unpacking never waits on IndexedDB (see run-store-worker.ts).
  const workers = taken ?? startWorkers(options.target !== undefined);
  if (!workers) return inlineSession(options, handlers);
  return workerSession(workers, options, handlers);
}

/** The unpack worker, and with `fetcher` the run store worker, which also reads the answer; undefined where no worker can start. */
function startWorkers(fetcher: boolean): StartedWorkers | undefined {
  const unpack = openWorker(() => new Worker(new URL('./unpack-worker.ts', import.meta.url), { type: 'module', name: 'taskgit-unpack' }));
  if (!unpack) return undefined;
  const runStore = fetcher ? openFetcher() : undefined;
  // Until a session handles them, a worker's failure to start is kept for it.
  let failure: Error | undefined;
  unpack.onerror = (event) => (failure ??= new Error(`The unpack worker stopped: ${event.message}`));
  if (runStore) runStore.onerror = (event) => (failure ??= new Error(`The run store worker stopped: ${event.message}`));
  return { unpack, fetcher: runStore, startFailure: () => failure };
}

/** The run store worker, which also reads the answer (answer-reader.ts). */
function openFetcher(): Worker | undefined {
  return openWorker(() => new Worker(new URL('./run-store-worker.ts', import.meta.url), { type: 'module', name: 'taskgit-run-store' }));
}

function openWorker(start: () => Worker): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return start();
  } catch {
    return undefined; // e.g. the widget's script served from another origin than the page
  }
}

/** How long the workers outlive a fetch that succeeded: past the import's commit and the merge. */
const WORKERS_LINGER_MS = 1000;
/** Ends the idle workers of fetches that succeeded and wait out {@link WORKERS_LINGER_MS}. */
const lingering = new Set<() => void>();

function endLingering(): void {
  for (const ended of [...lingering]) ended();
}

function workerSession(workers: StartedWorkers, options: UnpackOptions, handlers: UnpackHandlers): UnpackSession {
  const { unpack: worker, startFailure } = workers;
  let { fetcher } = workers;
  let failure: Error | undefined;
  let finish: { resolve: (summary: UnpackSummary) => void; reject: (error: Error) => void } | undefined;
  const done = new Promise<UnpackSummary>((resolve, reject) => (finish = { resolve, reject }));
  done.catch(() => undefined); // rejections surface through end()
  const send = (message: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  let silence: SilenceWatch | undefined;
  // Ending the run store worker ends the request it reads.
  const end = (): void => {
    worker.terminate();
    fetcher?.terminate();
    silence?.stop();
  };
  const fail = (error: Error): void => {
    if (failure) return;
    failure = error;
    end();
    finish?.reject(error);
  };
  // Runs are stored one after another, in the order they came.
  let storing = Promise.resolve();
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    if (failure) return;
    if (data.type === 'run') {
      const { run, bytes } = data;
      storing = storing
        .then(() => handlers.storeRun(run, bytes))
        .then(() => {
          handlers.stored(run.index.oids.length / 40, bytes);
          send({ type: 'stored' });
        }, fail);
    } else if (data.type === 'stored') handlers.stored(data.objects, data.bytes);
    else if (data.type === 'progress') handlers.progress(data.progress);
    else if (data.type === 'server-message') handlers.serverMessage(data.text);
    else if (data.type === 'need-bases') {
      handlers.resolveBases(data.oids).then((objects) => {
        const own = objects.map(ownCopy); // views into the store's chunks would take the chunks along
        send({ type: 'bases', objects: own }, ownBuffers(own));
      }, fail);
    } else if (data.type === 'done') {
      void storing.then(() => {
        if (failure) return;
        // The workers are idle now, but ending them is not free: V8 tears down each one's heap on
        // its thread (8-15 ms of CPU each at 9.2 MB), which on two cores held up the import's
        // commit and the merge that follow by ~10 ms. So they end a moment later (at once on a failure).
        silence?.stop();
        const ended = (): void => {
          lingering.delete(ended);
          end();
        };
        lingering.add(ended);
        setTimeout(ended, WORKERS_LINGER_MS);
        finish?.resolve(data.summary);
      });
    } else fail(receiveError(data.error));
  };
  worker.onerror = (event) => fail(new Error(`The unpack worker stopped: ${event.message}`));
  const watchFetcher = (started: Worker): void => {
    started.onerror = (event) => fail(new Error(`The run store worker stopped: ${event.message}`));
  };
  if (fetcher) watchFetcher(fetcher);
  const { target } = options;
  if (fetcher && target) {
    const { port1, port2 } = new MessageChannel();
    fetcher.postMessage({ port: port2, target } satisfies ToRunStore, [port2]);
    send({ type: 'start', options, store: port1 }, [port1]);
  } else send({ type: 'start', options });
  const failedToStart = startFailure();
  if (failedToStart) fail(failedToStart);
  return {
    async push(chunk) {
      if (failure) throw failure;
      send({ type: 'chunk', bytes: chunk }, [chunk.buffer as ArrayBuffer]);
    },
    async end() {
      if (failure) throw failure;
      send({ type: 'end' });
      return done;
    },
    fetch(remote, body) {
      if (failure) return Promise.reject(failure);
      // Without runs to store (no target), the same worker script starts for the answer alone.
      if (!fetcher) {
        fetcher = openFetcher();
        if (!fetcher) return undefined;
        watchFetcher(fetcher);
      }
      const watch = watchSilence(remote, fail);
      silence = watch;
      fetcher.onmessage = ({ data }: MessageEvent<FromAnswerReader>) => (data.type === 'heard' ? watch.heard(data.bytes) : watch.stop());
      const { port1, port2 } = new MessageChannel();
      fetcher.postMessage({ remote, body, port: port1 } satisfies ToAnswerReader, [port1]);
      send({ type: 'answer', port: port2 }, [port2]);
      return done;
    },
    abort: fail,
  };
}

function inlineSession(options: UnpackOptions, handlers: UnpackHandlers): UnpackSession {
  let failure: Error | undefined;
  // Loaded only here: with a worker, the page never needs the unpacking code itself.
  // This realm stores through the import itself, whatever the target.
  const inThread: UnpackOptions = { ...options };
  delete inThread.target;
  const unpacker = import('./unpacker.ts').then(({ Unpacker }) => Unpacker.create(inThread, {
    run: async (run, bytes) => {
      await handlers.storeRun(run, bytes);
      handlers.stored(run.index.oids.length / 40, bytes);
    },
    progress: handlers.progress,
    serverMessage: handlers.serverMessage,
    resolveBases: handlers.resolveBases,
  }));
  const step = async <T>(action: (unpacker: Unpacker) => Promise<T>): Promise<T> => {
    if (failure) throw failure;
    return action(await unpacker);
  };
  return {
    push: (chunk) => step((u) => u.push(chunk)),
    end: () => step((u) => u.end()),
    abort(reason) {
      failure ??= reason;
      void unpacker.then((u) => u.stop(), () => undefined);
    },
  };
}
