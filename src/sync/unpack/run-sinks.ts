// Where the unpack worker's runs of verified objects go to be stored when it has an import to
// store into: its own IndexedDB connection, or the run store worker (run-store-worker.ts), which
// stores them while this worker reads on.
import { relayError } from './sent-error.ts';
import { runBuffers, type FromRunStore, type FromWorker, type RunToStore } from './unpack-messages.ts';
import { openImportWriter, type ImportTarget, type ObjectRun } from '../../store/index.ts';
import { quotaAsStorageFull } from '../errors.ts';

/**
 * Stores a run, or hands it on to be stored; resolves once it is stored. `last`: no run follows
 * (see `UnpackSink.run`).
 */
export type StoreRun = (run: ObjectRun, bytes: number, last?: boolean) => Promise<void>;

/** How the unpack worker tells the page a run is stored: the page only counts. */
export type TellStored = (message: Extract<FromWorker, { type: 'stored' }>) => void;

/** Stores runs on this thread's own connection to import `target`; undefined where it cannot open. */
export async function storeHere(target: ImportTarget, tell: TellStored): Promise<StoreRun | undefined> {
  const writer = await openImportWriter(target).catch(() => undefined);
  if (!writer) return undefined;
  return async (run, bytes) => {
    await writer.put(run).catch((error: unknown) => {
      throw quotaAsStorageFull(error, bytes, undefined);
    });
    tell({ type: 'stored', objects: run.index.oids.length / 40, bytes });
  };
}

/**
 * Stores runs through the run store worker at `port`, so this thread reads on while they are
 * stored; undefined once that worker says it cannot open the database.
 *
 * The last run, when that worker still has runs to store, is stored on this thread instead
 * (`beside`, a connection of this thread's own, opened with the first run): this thread has
 * nothing left to read by then, and that worker's puts are the longest work of a first sync's
 * end (each 1 MB chunk zero-filled and copied into IndexedDB's value, then into a blob: ~35 ms
 * per 4 MB run on a VM whose fresh memory is dear), so the last two runs are stored at once.
 */
export function storeThrough(port: MessagePort, target: ImportTarget, tell: TellStored): Promise<StoreRun | undefined> {
  const waiting: Array<{ run: ObjectRun; resolve: () => void; reject: (error: Error) => void }> = [];
  let failure: Error | undefined;
  let beside: Promise<StoreRun | undefined> | undefined;
  const storeRun: StoreRun = async (run, bytes, last) => {
    if (failure) throw failure;
    if (!last) beside ??= storeHere(target, tell);
    const here = last && waiting.length > 0 ? await beside : undefined;
    if (here) return here(run, bytes);
    const done = new Promise<void>((resolve, reject) => waiting.push({ run, resolve, reject }));
    port.postMessage({ run, bytes } satisfies RunToStore, runBuffers(run));
    return done;
  };
  return new Promise((ready) => {
    port.onmessage = ({ data }: MessageEvent<FromRunStore>) => {
      if (data.type === 'ready') ready(storeRun);
      else if (data.type === 'unavailable') ready(undefined);
      else if (data.type === 'stored') {
        const stored = waiting.shift();
        // The run's chunks come back once stored (transferred there and back): their memory is this thread's again.
        stored?.run.chunks.splice(0, data.chunks.length, ...data.chunks);
        stored?.resolve();
        tell({ type: 'stored', objects: data.objects, bytes: data.bytes });
      } else {
        failure = relayError(data.error);
        for (const { reject } of waiting.splice(0)) reject(failure);
      }
    };
  });
}
