// The unpack worker: reads a fetch's answer off the page's main thread (see unpacker.ts), as the
// answer reader (answer-reader.ts, on the run store worker's thread) or the page hands it over
// chunk by chunk, and hands each run of verified objects to the run store worker (or, where none
// could start, stores it itself, or hands it to the page).
import { detachFirst } from './detach-first.ts';
import { relayError, sendError } from './sent-error.ts';
import { runBuffers, type AnswerToUnpack, type FromRunStore, type FromWorker, type RunToStore, type ToWorker } from './unpack-messages.ts';
import { Unpacker } from './unpacker.ts';
import { openImportWriter, type GitObject, type ImportTarget, type ObjectRun } from '../../store/index.ts';
import { quotaAsStorageFull } from '../errors.ts';

/** What this worker uses of its global scope (typed here as the page's, which has the same two members). */
interface WorkerScope {
  postMessage(message: FromWorker, options: StructuredSerializeOptions): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope: WorkerScope = globalThis;
detachFirst();
const post = (message: FromWorker, transfer: Transferable[] = []): void => scope.postMessage(message, { transfer });

let work: Promise<Unpacker | undefined> = Promise.resolve(undefined);
const stored: Array<() => void> = [];
const bases: Array<(objects: Array<GitObject | undefined>) => void> = [];

/** Runs steps one after another; the first failure is reported once and stops the rest. */
function then(step: (unpacker: Unpacker) => Promise<void>): void {
  work = work.then(async (unpacker) => {
    if (!unpacker) return undefined;
    await step(unpacker);
    return unpacker;
  });
  work = work.catch((error: unknown) => {
    post({ type: 'failed', error: sendError(error) });
    return undefined;
  });
}

/** Stores a run, or hands it to the page to store; resolves once it is stored. */
type StoreRun = (run: ObjectRun, bytes: number) => Promise<void>;

/** Where the page stores the runs: it gets them (transferred) and says when each is stored. */
const storeOnPage: StoreRun = (run, bytes) => {
  post({ type: 'run', run, bytes }, runBuffers(run));
  return new Promise<void>((resolve) => stored.push(resolve));
};

/** Stores runs on this worker's own connection; the page only counts. */
async function storeHere(target: ImportTarget): Promise<StoreRun | undefined> {
  const writer = await openImportWriter(target).catch(() => undefined);
  if (!writer) return undefined;
  return async (run, bytes) => {
    await writer.put(run).catch((error: unknown) => {
      throw quotaAsStorageFull(error, bytes, undefined);
    });
    post({ type: 'stored', objects: run.index.oids.length / 40, bytes });
  };
}

/**
 * Stores runs through the run store worker at `port` (run-store-worker.ts), so this worker reads
 * on while they are stored; undefined once that worker says it cannot open the database.
 */
function storeThrough(port: MessagePort): Promise<StoreRun | undefined> {
  const waiting: Array<{ run: ObjectRun; resolve: () => void; reject: (error: Error) => void }> = [];
  let failure: Error | undefined;
  const storeRun: StoreRun = (run, bytes) => {
    if (failure) return Promise.reject(failure);
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
        // The run's chunks come back once stored (transferred there and back): their memory is this worker's again.
        stored?.run.chunks.splice(0, data.chunks.length, ...data.chunks);
        stored?.resolve();
        post({ type: 'stored', objects: data.objects, bytes: data.bytes });
      } else {
        failure = relayError(data.error);
        for (const { reject } of waiting.splice(0)) reject(failure);
      }
    };
  });
}

/** The answer's next chunk, from the page or from the answer reader. */
function take(bytes: Uint8Array): void {
  then((unpacker) => unpacker.push(bytes));
}

/** The answer is over: the pack is checked and summed up once every run is stored. */
function finish(): void {
  then(async (unpacker) => post({ type: 'done', summary: await unpacker.end() }));
}

scope.onmessage = ({ data }) => {
  if (data.type === 'start') {
    const { target } = data.options;
    const storing = data.store ? storeThrough(data.store) : target ? storeHere(target) : Promise.resolve(undefined);
    work = Unpacker.create(data.options, {
      run: async (run, bytes) => ((await storing) ?? storeOnPage)(run, bytes),
      progress: (progress) => post({ type: 'progress', progress }),
      serverMessage: (text) => post({ type: 'server-message', text }),
      resolveBases: (oids) => {
        post({ type: 'need-bases', oids: [...oids] });
        return new Promise((resolve) => bases.push(resolve));
      },
      runsCopied: true,
    }).catch((error: unknown) => {
      post({ type: 'failed', error: sendError(error) });
      return undefined;
    });
  } else if (data.type === 'chunk') take(data.bytes);
  else if (data.type === 'answer') {
    data.port.onmessage = ({ data: answer }: MessageEvent<AnswerToUnpack>) => {
      if (answer.type === 'chunk') take(answer.bytes);
      else if (answer.type === 'end') finish();
      else then(() => Promise.reject(relayError(answer.error)));
    };
  } else if (data.type === 'end') finish();
  else if (data.type === 'stored') {
    stored.shift()?.();
  } else if (data.type === 'bases') {
    bases.shift()?.(data.objects);
  }
};
