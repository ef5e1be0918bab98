// The unpack worker: reads a fetch's answer off the page's main thread (see unpacker.ts) and
// hands back runs of verified objects for the page to store.
import { runBuffers, sendError, type FromWorker, type ToWorker } from './unpack-messages.ts';
import { Unpacker } from './unpacker.ts';
import { openImportWriter, type GitObject } from '../../store/index.ts';
import { StorageFullError } from '../errors.ts';

/** What this worker uses of its global scope (typed here as the page's, which has the same two members). */
interface WorkerScope {
  postMessage(message: FromWorker, options: StructuredSerializeOptions): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope: WorkerScope = globalThis;
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

scope.onmessage = ({ data }) => {
  if (data.type === 'start') {
    const { target } = data.options;
    // Where this worker may not open the database itself (a policy that sandboxes it), the page stores the runs.
    const writing = target ? openImportWriter(target).catch(() => undefined) : Promise.resolve(undefined);
    work = Unpacker.create(data.options, {
      run: async (run, bytes) => {
        const writer = await writing;
        if (!writer) {
          post({ type: 'run', run, bytes }, runBuffers(run));
          return new Promise<void>((resolve) => stored.push(resolve));
        }
        // Stored from here: the page only counts. IndexedDB's own quota is said as the foreseen one.
        const objects = run.index.oids.length / 40;
        await writer.put(run).catch((error: unknown) => {
          throw error instanceof Error && error.name === 'QuotaExceededError' ? new StorageFullError(bytes, undefined) : error;
        });
        post({ type: 'stored', objects, bytes });
      },
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
  } else if (data.type === 'chunk') {
    const { bytes } = data;
    then((unpacker) => unpacker.push(bytes));
  } else if (data.type === 'end') {
    then(async (unpacker) => post({ type: 'done', summary: await unpacker.end() }));
  } else if (data.type === 'stored') {
    stored.shift()?.();
  } else if (data.type === 'bases') {
    bases.shift()?.(data.objects);
  }
};
