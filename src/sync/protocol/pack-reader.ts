import type { GitObject, ObjectType, Oid } from '../../store/index.ts';
import { ProtocolError } from './errors.ts';
import { createIncrementalSha1, createObjectHasher } from './object-hasher.ts';
import { DEFAULT_MAX_OBJECT_BYTES } from './pack-format.ts';
import { PackResolver, type ResolvedObject } from './pack-resolver.ts';
import { PackStreamReader } from './pack-stream.ts';

/** One object read from a pack, with its id; `content` is a view into `raw`, its loose form. */
export interface PackObject {
  oid: Oid;
  type: ObjectType;
  content: Uint8Array;
  raw: Uint8Array;
}

/** Looks up a delta base that is not in the pack (a thin pack's). */
export type ResolveBase = (oid: Oid) => Promise<GitObject | undefined>;

/** Options of {@link parsePack}. */
export interface ParsePackOptions {
  /** Refuse any object (or delta) larger than this; default 100 MiB. */
  maxObjectBytes?: number;
  /** Refuse a pack whose objects add up to more than this; default 1 GiB. */
  maxTotalBytes?: number;
}

/** Default for `maxTotalBytes`: 1 GiB, more than a browser tab should hold at once anyway. */
const DEFAULT_MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/** Bytes of built objects {@link PackResolver} keeps as delta bases; git's default is 96 MB. */
export const DELTA_BASE_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a whole pack held in memory (a bundle's) into objects with their ids, in pack order,
 * with the streaming reader a fetch uses ({@link PackStreamReader}, {@link PackResolver}), so
 * both check the same things: signature, version, count, sizes, deltas and the trailing SHA-1.
 * `resolveBase` lends the bases a thin pack leaves out; what it returns must hash to the id
 * asked for. Every object is kept, so the total is capped by `maxTotalBytes`; a fetch streams
 * its objects to storage instead (see `src/sync/unpack`).
 */
export async function parsePack(bytes: Uint8Array, resolveBase: ResolveBase, options: ParsePackOptions = {}): Promise<PackObject[]> {
  const maxObjectBytes = options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES;
  const maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const objects: ResolvedObject[] = [];
  let total = 0;
  const keep = (object: ResolvedObject): void => {
    total += object.raw.length - object.contentStart;
    if (total > maxTotalBytes) throw new ProtocolError('pack', `its objects add up to more than the ${maxTotalBytes}-byte limit`);
    objects.push(object);
  };
  const reader = new PackStreamReader((entry) => resolver.add(entry), { maxObjectBytes, checksum: await createIncrementalSha1(), total: bytes.length });
  const resolver = new PackResolver(reader.bytes, await createObjectHasher(), keep, { maxObjectBytes, cacheBytes: DELTA_BASE_CACHE_BYTES, inflater: reader.inflater });
  reader.push(bytes);
  await reader.settle(true);
  reader.end();
  await resolver.finish(async (oids) => Promise.all(oids.map(resolveBase)));
  objects.sort((a, b) => a.index - b.index);
  return objects.map(({ oid, type, raw, contentStart }) => ({ oid, type, raw, content: raw.subarray(contentStart) }));
}
