import type { GitObject, ImportTarget, ObjectRun, Oid } from '../../store/index.ts';
import type { PortableRemote } from '../transport.ts';
import type { SentError } from './sent-error.ts';
import type { UnpackOptions, UnpackProgress, UnpackSummary } from './unpacker.ts';

/** What the page tells the unpack worker. */
export type ToWorker =
  /** A first fetch's worker, started ahead: it writes its chunks' memory while it waits (warm-chunks.ts). */
  | { type: 'warm' }
  | { type: 'start'; options: UnpackOptions; store?: MessagePort }
  | { type: 'chunk'; bytes: Uint8Array }
  /** The answer comes through `port`, from the answer reader (answer-reader.ts, on the run store worker's thread), instead of as chunks from the page. */
  | { type: 'answer'; port: MessagePort }
  | { type: 'end' }
  | { type: 'bases'; objects: Array<GitObject | undefined> }
  | { type: 'stored' };

/** What the unpack worker tells the page. */
export type FromWorker =
  | { type: 'run'; run: ObjectRun; bytes: number }
  | { type: 'stored'; objects: number; bytes: number }
  | { type: 'progress'; progress: UnpackProgress }
  | { type: 'server-message'; text: string }
  | { type: 'need-bases'; oids: Oid[] }
  | { type: 'done'; summary: UnpackSummary }
  | { type: 'failed'; error: SentError };

/** What the page tells the answer reader: the request to make, and the port to the unpack worker that the answer goes to. */
export interface ToAnswerReader {
  remote: PortableRemote;
  body: Uint8Array;
  port: MessagePort;
}

/** What the answer reader tells the page: how much of the answer came (at most every {@link ANSWER_HEARD_MS}), and that it is over. */
export type FromAnswerReader = { type: 'heard'; bytes: number } | { type: 'ended' };

/** How often, at most, the answer reader tells the page how much came: the page's clock times the request out. */
export const ANSWER_HEARD_MS = 250;

/** What the answer reader tells the unpack worker: each chunk of the answer (transferred), then its end, or why it failed. */
export type AnswerToUnpack = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' } | { type: 'failed'; error: SentError };

/** What the page tells the run store worker: the import to store into, and the port the unpack worker sends runs through. */
export interface ToRunStore {
  port: MessagePort;
  target: ImportTarget;
}

/** A run the unpack worker hands to the run store worker (transferred; its chunks come back once stored). */
export interface RunToStore {
  run: ObjectRun;
  bytes: number;
}

/** What the run store worker tells the unpack worker: whether it can store, then each run stored (its chunks given back), or why not. */
export type FromRunStore =
  | { type: 'ready' }
  | { type: 'unavailable' }
  | { type: 'stored'; objects: number; bytes: number; chunks: Uint8Array[] }
  | { type: 'failed'; error: SentError };

/** The buffers of a run, handed over rather than copied. */
export function runBuffers(run: ObjectRun): ArrayBuffer[] {
  return run.chunks.map((chunk) => chunk.buffer as ArrayBuffer);
}
