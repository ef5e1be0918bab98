// The page of bench/unpack-alone.ts: a recorded upload-pack answer fed to a fresh unpack worker
// in pieces, its runs given back at once as the run store worker gives them back once stored
// (nothing written to IndexedDB): the CPU of the unpack worker's code alone, without the network,
// the page's reads of a response or IndexedDB.
import type { FromRunStore, FromWorker, RunToStore, ToWorker } from '../../src/sync/unpack/unpack-messages.ts';
import type { Oid } from '../../src/store/index.ts';

/** One unpack: its wall time in the page, and the objects it read. */
export interface TimedUnpack {
  ms: number;
  objects: number;
}

const answers = new Map<string, Uint8Array>();

async function answer(url: string): Promise<Uint8Array> {
  const cached = answers.get(url);
  if (cached) return cached;
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  answers.set(url, bytes);
  return bytes;
}

/** Unpacks the answer at `url` (which must hold `want`) in a fresh worker, `pieceBytes` at a time. */
async function unpack(url: string, want: Oid, pieceBytes: number): Promise<TimedUnpack> {
  const bytes = await answer(url);
  const started = performance.now();
  const worker = new Worker(new URL('../../src/sync/unpack/unpack-worker.ts', import.meta.url), { type: 'module', name: 'taskgit-unpack' });
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = ({ data }: MessageEvent<RunToStore>) => {
    const stored: FromRunStore = { type: 'stored', chunks: data.run.chunks, objects: data.run.index.oids.length / 40, bytes: data.bytes };
    port2.postMessage(stored, data.run.chunks.map((chunk) => chunk.buffer as ArrayBuffer));
  };
  port2.postMessage({ type: 'ready' } satisfies FromRunStore);
  const done = new Promise<TimedUnpack>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'done') resolve({ ms: performance.now() - started, objects: data.summary.objects });
      else if (data.type === 'failed') reject(new Error(`the unpack failed: ${JSON.stringify(data.error)}`));
      else if (data.type === 'need-bases') reject(new Error('the answer is a thin pack: it asks for bases'));
    };
    worker.onerror = (event) => reject(new Error(event.message));
  });
  const send = (message: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  // A target, so runs go through `port1` as to the run store worker (without one they would go to
  // the page); its database is none the worker can open, so no run is stored beside.
  send({ type: 'start', options: { want, target: { database: 'taskgit-unpack-bench', id: 'bench' } }, store: port1 }, [port1]);
  for (let at = 0; at < bytes.length; at += pieceBytes) {
    const piece = bytes.slice(at, at + pieceBytes);
    send({ type: 'chunk', bytes: piece }, [piece.buffer]);
  }
  send({ type: 'end' });
  try {
    return await done;
  } finally {
    worker.terminate();
  }
}

declare global {
  interface Window {
    unpackBench: { unpack: typeof unpack };
  }
}

window.unpackBench = { unpack };
(document.getElementById('status') as HTMLElement).textContent = 'ready';
