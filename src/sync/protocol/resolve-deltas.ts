import { hashObject, type GitObject, type ObjectType, type Oid } from '../../store/index.ts';
import { applyDelta } from './delta.ts';
import { ProtocolError } from './errors.ts';
import { OFS_DELTA, REF_DELTA, TYPE_NAMES } from './pack-format.ts';

/** One object read from a pack, with its id; `content` is a view into `raw`, its loose form. */
export interface PackObject {
  oid: Oid;
  type: ObjectType;
  content: Uint8Array;
  raw: Uint8Array;
}

/** Hashes content into a PackObject, keeping the loose form the hash was taken over. */
function hashed(type: ObjectType, content: Uint8Array): PackObject {
  const { oid, raw } = hashObject(type, content);
  return { oid, type, content: raw.subarray(raw.length - content.length), raw };
}

/** A pack entry after inflating: a whole object or a delta waiting for its base. */
export interface InflatedEntry {
  offset: number;
  typeCode: number;
  /** The object's content, or the delta; dropped once the delta is applied. */
  data: Uint8Array | undefined;
  baseOffset?: number;
  baseOid?: Oid;
}

/** Looks up a delta base that is not in the pack (a thin pack's). */
export type ResolveBase = (oid: Oid) => Promise<GitObject | undefined>;

/** Limits that keep a hostile pack from exhausting memory. */
export interface ResolveLimits {
  maxObjectBytes: number;
  maxTotalBytes: number;
}

function fail(problem: string, offset?: number): never {
  throw new ProtocolError('pack', problem, offset === undefined ? {} : { offset });
}

/**
 * Turns inflated entries into objects with ids, in pack order. Like `git index-pack`, it works
 * from the bases out: every whole object (and every base fetched through `resolveBase`)
 * resolves the deltas that name it, by offset or by id, and those resolve theirs, with an
 * explicit stack so chains of any depth cannot overflow the call stack. Only once nothing in
 * the pack is left to try is `resolveBase` asked for a missing base; a base nobody has, or
 * deltas that name each other in a cycle, end in a ProtocolError.
 */
export async function resolveDeltas(entries: InflatedEntry[], resolveBase: ResolveBase, limits: ResolveLimits): Promise<PackObject[]> {
  const results: Array<PackObject | undefined> = new Array(entries.length);
  const indexByOffset = new Map<number, number>();
  const byBaseIndex = new Map<number, number[]>();
  const byBaseOid = new Map<Oid, number[]>();
  const ready: Array<{ index: number | undefined; object: PackObject }> = [];
  let total = 0;
  const addChild = <K>(map: Map<K, number[]>, key: K, child: number): void => {
    const list = map.get(key);
    if (list) list.push(child);
    else map.set(key, [child]);
  };

  entries.forEach((entry, index) => {
    indexByOffset.set(entry.offset, index);
    if (entry.typeCode === OFS_DELTA) {
      const base = indexByOffset.get(entry.baseOffset as number);
      if (base === undefined) fail(`a delta whose base offset ${entry.baseOffset} is not the start of an earlier object`, entry.offset);
      addChild(byBaseIndex, base, index);
    } else if (entry.typeCode === REF_DELTA) {
      addChild(byBaseOid, entry.baseOid as Oid, index);
    } else {
      const type = TYPE_NAMES[entry.typeCode] as ObjectType;
      const content = entry.data as Uint8Array;
      const object = hashed(type, content);
      results[index] = object;
      ready.push({ index, object });
    }
  });

  const drain = (): void => {
    for (let node = ready.pop(); node; node = ready.pop()) {
      const children = [...(node.index === undefined ? [] : (byBaseIndex.get(node.index) ?? [])), ...(byBaseOid.get(node.object.oid) ?? [])];
      if (node.index !== undefined) byBaseIndex.delete(node.index);
      byBaseOid.delete(node.object.oid);
      for (const child of children) {
        const entry = entries[child] as InflatedEntry;
        const content = applyDelta(node.object.content, entry.data as Uint8Array, { maxTargetBytes: limits.maxObjectBytes });
        total += content.length;
        if (total > limits.maxTotalBytes) fail(`its objects add up to more than the ${limits.maxTotalBytes}-byte limit`, entry.offset);
        entry.data = undefined;
        const type = node.object.type;
        const object = hashed(type, content);
        results[child] = object;
        ready.push({ index: child, object });
      }
    }
  };

  drain();
  // The bases missing now are asked for all at once (a thin pack can name hundreds; one by one,
  // each would wait for its own look-up), then whatever they resolve; repeat until none is left.
  while (byBaseOid.size > 0) {
    const missing = [...byBaseOid.keys()];
    const bases = await Promise.all(missing.map((oid) => resolveBase(oid)));
    missing.forEach((oid, i) => {
      const base = bases[i];
      if (!base) fail(`a delta against ${oid}, an object that is neither in the pack nor here`, entries[byBaseOid.get(oid)?.[0] ?? 0]?.offset);
      const object = hashed(base.type, base.content);
      if (object.oid !== oid) throw new Error(`resolveBase(${oid}) returned a different object`);
      ready.push({ index: undefined, object });
    });
    drain();
  }
  return results.map((object, index) => object ?? fail('a delta that could not be resolved', entries[index]?.offset));
}
