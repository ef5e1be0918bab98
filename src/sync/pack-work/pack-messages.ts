import type { GitObject, Oid } from '../../store/index.ts';
import type { SentError } from '../unpack/sent-error.ts';
import type { LoosePart } from './object-parts.ts';

/** What the page tells the pack worker: build a pack from parts of objects, or parse one. */
export type ToPackWorker =
  | { type: 'encode'; count: number; level?: number }
  | { type: 'objects'; part: LoosePart }
  | { type: 'end' }
  | { type: 'parse'; pieces: Uint8Array[]; maxObjectBytes?: number; maxTotalBytes?: number }
  | { type: 'bases'; id: number; objects: Array<GitObject | undefined> };

/** What the pack worker tells the page. */
export type FromPackWorker =
  | { type: 'ready' }
  | { type: 'pack'; chunks: Uint8Array[] }
  | { type: 'parsed'; part: LoosePart }
  | { type: 'need-bases'; id: number; oids: Oid[] }
  | { type: 'failed'; error: SentError | SentCorruption };

/** A stored object found corrupt while a pack was built: the page throws the store's CorruptObjectError. */
export interface SentCorruption {
  kind: 'corrupt';
  oid: string;
  reason: string;
}
