import { CorruptObjectError, TimeSlice, yieldToEventLoop, type Oid } from '../../store/index.ts';
import { parsePack, type PackObject, type ParsePackOptions, type ResolveBase } from '../protocol/index.ts';
import { resolveInGroups } from '../local-base.ts';
import { receiveError } from '../unpack/sent-error.ts';
import { LoosePackBuilder } from './loose-pack-builder.ts';
import { ownBuffers, ownCopy, packObjectsOfPart, partBuffers, partOfLoose, type LoosePart } from './object-parts.ts';
import type { FromPackWorker, ToPackWorker } from './pack-messages.ts';

/** Below this many objects a pack is built in this thread: starting a worker costs more than zlib on them. */
export const WORKER_MIN_OBJECTS = 256;
/** Objects read per store transaction while a pack is built. */
export const READ_SLICE = 256;
/** Bytes of loose forms laid out in one part for the worker (one object larger goes alone). */
const PART_BYTES = 1024 * 1024;
/** Bytes of a bundle copied to the worker per task, so no one copy holds up the page. */
const COPY_PIECE = 4 * 1024 * 1024;

/** Reads stored objects' loose forms, unverified (`ObjectAccess.readLoose`). */
export type ReadLoose = (oids: readonly Oid[]) => Promise<Uint8Array[]>;

/**
 * The pack of the stored objects `oids` (git's v2 format, each object whole), as chunks to
 * send or write one after another. Objects are read a slice at a time; in the browser a Web
 * Worker hashes each against its id (as every read of the store does), compresses it and sums
 * the pack's checksum while the next slice is read, so the page's main thread only reads and
 * copies. In Node, where no worker may start, or for a few objects (a push of one commit), this
 * thread does it all with the same code.
 */
export async function buildPack(read: ReadLoose, oids: readonly Oid[], onProgress: (done: number) => void = () => undefined): Promise<Uint8Array[]> {
  const opening = oids.length >= WORKER_MIN_OBJECTS ? openPackWorker() : Promise.resolve(undefined);
  let next = read(oids.slice(0, READ_SLICE));
  const worker = await opening;
  const builder = worker ? workerBuilder(worker, oids.length) : await inlineBuilder(oids.length);
  const slice = new TimeSlice(); // reads served from the store's cache come back without a task between
  try {
    for (let start = 0; start < oids.length; start += READ_SLICE) {
      const raws = await next;
      if (slice.due()) await slice.next();
      // The next slice is read while this one is laid out (and, in a worker, hashed and compressed).
      if (start + READ_SLICE < oids.length) next = read(oids.slice(start + READ_SLICE, start + 2 * READ_SLICE));
      // Laid out a part of at most PART_BYTES at a time: 256 large trees are megabytes to copy.
      const ids = oids.slice(start, start + READ_SLICE);
      for (let from = 0; from < raws.length; ) {
        const to = partEnd(raws, from);
        if (from > 0 && slice.due()) await slice.next();
        await builder.add(partOfLoose(ids.slice(from, to), raws.slice(from, to)));
        from = to;
      }
      onProgress(Math.min(oids.length, start + READ_SLICE));
    }
    return await builder.finish();
  } finally {
    next.catch(() => undefined);
    builder.close();
  }
}

/** Where the part of `raws` laid out from `from` ends: at most {@link PART_BYTES}, at least one object. */
function partEnd(raws: readonly Uint8Array[], from: number): number {
  let bytes = (raws[from] as Uint8Array).length;
  let to = from + 1;
  while (to < raws.length && bytes + (raws[to] as Uint8Array).length <= PART_BYTES) bytes += (raws[to++] as Uint8Array).length;
  return to;
}

/**
 * {@link parsePack} of a whole pack held in memory (a bundle's), in a Web Worker where one may
 * start: inflating, applying deltas and hashing every object stay off the page's main thread.
 * The same checks, the same objects in the same order, the same ProtocolErrors as in this thread.
 */
export async function parsePackAside(bytes: Uint8Array, resolveBase: ResolveBase, options: ParsePackOptions = {}): Promise<PackObject[]> {
  const worker = await openPackWorker();
  if (!worker) return parsePack(bytes, resolveBase, options);
  try {
    const parsed = answerOf(worker, (data) => {
      if (data.type === 'parsed') return data.part;
      if (data.type === 'need-bases') {
        void resolveInGroups(data.oids, resolveBase).then((objects) => {
          const own = objects.map(ownCopy);
          worker.postMessage({ type: 'bases', id: data.id, objects: own } satisfies ToPackWorker, ownBuffers(own));
        });
      }
      return undefined;
    });
    // The caller keeps its bytes: the worker gets a copy, a piece per task.
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < bytes.length; offset += COPY_PIECE) {
      pieces.push(bytes.slice(offset, offset + COPY_PIECE));
      if (offset + COPY_PIECE < bytes.length) await yieldToEventLoop();
    }
    worker.postMessage({ type: 'parse', pieces, ...options } satisfies ToPackWorker, pieces.map((piece) => piece.buffer));
    const part = await parsed;
    worker.terminate();
    return await packObjectsOfPart(part);
  } finally {
    worker.terminate();
  }
}

/**
 * Chunks joined into one array (a bundle, a push's body), copied a few at a time so that no
 * copy of many megabytes holds up the page.
 */
export async function joinChunks(chunks: readonly Uint8Array[]): Promise<Uint8Array> {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const joined = new Uint8Array(size);
  const slice = new TimeSlice();
  let offset = 0;
  for (const chunk of chunks) {
    if (slice.due()) await slice.next();
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

interface Builder {
  add(part: LoosePart): Promise<void>;
  finish(): Promise<Uint8Array[]>;
  close(): void;
}

async function inlineBuilder(count: number): Promise<Builder> {
  const builder = await LoosePackBuilder.create(count);
  let finished = false;
  return {
    add: (part) => builder.add(part),
    async finish() {
      finished = true;
      return builder.finish();
    },
    close: () => void (finished || builder.abandon()),
  };
}

function workerBuilder(worker: Worker, count: number): Builder {
  const pack = answerOf(worker, (data) => (data.type === 'pack' ? data.chunks : undefined));
  worker.postMessage({ type: 'encode', count } satisfies ToPackWorker);
  return {
    async add(part) {
      worker.postMessage({ type: 'objects', part } satisfies ToPackWorker, partBuffers(part));
    },
    finish() {
      worker.postMessage({ type: 'end' } satisfies ToPackWorker);
      return pack;
    },
    close: () => worker.terminate(),
  };
}

/** The worker's answer as `take` reads it; a failure in the worker rejects with the error it was. */
function answerOf<T>(worker: Worker, take: (data: FromPackWorker) => T | undefined): Promise<T> {
  const answer = new Promise<T>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<FromPackWorker>) => {
      if (data.type === 'failed') {
        const sent = data.error;
        if (sent.kind === 'corrupt') reject(new CorruptObjectError(sent.oid, sent.reason));
        else reject(sent.kind === 'other' ? new Error(`Packing failed: ${sent.message}`) : receiveError(sent));
        return;
      }
      const value = take(data);
      if (value !== undefined) resolve(value);
    };
    worker.onerror = (event) => reject(new Error(`The pack worker stopped: ${event.message}`));
  });
  answer.catch(() => undefined); // rejections surface where the answer is awaited
  return answer;
}

/**
 * A Web Worker for one pack, once it has loaded; `undefined` where none may start (Node, a page
 * whose policy forbids it, the widget's script served from another origin than the page): the
 * caller then does the work in this thread.
 */
function openPackWorker(): Promise<Worker | undefined> {
  if (typeof Worker === 'undefined') return Promise.resolve(undefined);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module', name: 'taskgit-pack' });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<FromPackWorker>) => void (data.type === 'ready' && resolve(worker));
    worker.onerror = () => {
      worker.terminate();
      resolve(undefined);
    };
  });
}
