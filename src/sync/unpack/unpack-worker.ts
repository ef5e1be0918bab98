// The unpack worker: reads a fetch's answer off the page's main thread (see unpacker.ts), as the
// answer reader (answer-reader.ts, on the run store worker's thread) or the page hands it over
// chunk by chunk, and hands each run of verified objects to the run store worker (or, where none
// could start, stores it itself, or hands it to the page).
import { detachFirst } from './detach-first.ts';
import { storeHere, storeThrough, type StoreRun } from './run-sinks.ts';
import { relayError, sendError } from './sent-error.ts';
import { runBuffers, type AnswerToUnpack, type FromWorker, type ToWorker } from './unpack-messages.ts';
import { FETCH_CHUNK_BYTES, Unpacker } from './unpacker.ts';
import { WarmChunks } from './warm-chunks.ts';
import type { GitObject } from '../../store/index.ts';

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

/** Where the page stores the runs: it gets them (transferred) and says when each is stored. */
const storeOnPage: StoreRun = (run, bytes) => {
  post({ type: 'run', run, bytes }, runBuffers(run));
  return new Promise<void>((resolve) => stored.push(resolve));
};

/** Whether a chunk of the answer came: warming stops then. */
let answered = false;

/** The answer's next chunk, from the page or from the answer reader. */
function take(bytes: Uint8Array): void {
  answered = true;
  then((unpacker) => unpacker.push(bytes));
}

/**
 * Lets the tasks queued meanwhile (a chunk of the answer) run first. Not the store's
 * `yieldToEventLoop`: its `scheduler.yield()` resumes ahead of queued tasks, so the answer's first
 * chunk would wait for the whole warming; and a timer would wait 4 ms once nested.
 */
const yielding = new MessageChannel();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    yielding.port1.onmessage = () => resolve();
    yielding.port2.postMessage(undefined);
  });
}

/**
 * A first fetch's chunks, written ahead from the worker's start until the answer's first chunk
 * comes, one per task (see warm-chunks.ts). A 9.2 MB first sync lays out ~20 (builder and scratch
 * arena), most fresh; the ~60-80 ms this worker waits from its start to the answer's first bytes
 * write 15-20.
 */
const ahead = new WarmChunks(FETCH_CHUNK_BYTES, 20);

async function warmUntilAnswered(): Promise<void> {
  while (!answered && ahead.writeOne()) await nextTask();
}

/** The answer is over: the pack is checked and summed up once every run is stored. */
function finish(): void {
  then(async (unpacker) => post({ type: 'done', summary: await unpacker.end() }));
}

scope.onmessage = ({ data }) => {
  if (data.type === 'warm') void warmUntilAnswered();
  else if (data.type === 'start') {
    const { target } = data.options;
    const storing = data.store && target ? storeThrough(data.store, target, post) : target ? storeHere(target, post) : Promise.resolve(undefined);
    work = Unpacker.create(data.options, {
      run: async (run, bytes, last) => ((await storing) ?? storeOnPage)(run, bytes, last),
      progress: (progress) => post({ type: 'progress', progress }),
      serverMessage: (text) => post({ type: 'server-message', text }),
      resolveBases: (oids) => {
        post({ type: 'need-bases', oids: [...oids] });
        return new Promise((resolve) => bases.push(resolve));
      },
      runsCopied: true,
    }, ahead).catch((error: unknown) => {
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
