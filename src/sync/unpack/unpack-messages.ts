import type { GitObject, ImportTarget, ObjectRun, Oid } from '../../store/index.ts';
import { StorageFullError } from '../errors.ts';
import { ProtocolError, type ProtocolPart } from '../protocol/index.ts';
import type { UnpackOptions, UnpackProgress, UnpackSummary } from './unpacker.ts';

/** What the page tells the unpack worker. */
export type ToWorker =
  | { type: 'start'; options: UnpackOptions; store?: MessagePort }
  | { type: 'chunk'; bytes: Uint8Array }
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

/** An error as it crosses to the page: a ProtocolError keeps its data, so the page throws the same one. */
export type SentError =
  | { kind: 'protocol'; part: ProtocolPart; problem: string; offset?: number; serverMessage?: string }
  | { kind: 'storage-full'; neededBytes: number; availableBytes: number | undefined }
  | { kind: 'other'; message: string };

export function sendError(error: unknown): SentError {
  if (error instanceof ProtocolError) return { kind: 'protocol', ...error.data };
  if (error instanceof StorageFullError) return { kind: 'storage-full', ...error.data };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

export function receiveError(sent: SentError): Error {
  if (sent.kind === 'other') return new Error(`Unpacking failed: ${sent.message}`);
  if (sent.kind === 'storage-full') return new StorageFullError(sent.neededBytes, sent.availableBytes);
  const { part, problem, ...extra } = sent;
  return new ProtocolError(part, problem, extra);
}

/** The buffers of a run, handed over rather than copied. */
export function runBuffers(run: ObjectRun): ArrayBuffer[] {
  return run.chunks.map((chunk) => chunk.buffer as ArrayBuffer);
}
