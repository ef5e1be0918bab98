import { encodeJson, type Json } from '../store/index.ts';
import type { AnyRecord } from './types.ts';

/** A record as its file holds it: pretty-printed JSON, keys sorted, absent fields left out. */
export function encodeRecord(record: AnyRecord): Uint8Array {
  const clean: Record<string, Json> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) clean[key] = value as Json;
  return encodeJson(clean);
}
