import type { GitObject, ObjectType, Oid } from '../../store/index.ts';
import { DeltaBaseCache } from './delta-base-cache.ts';
import { applyDeltaInto, readDeltaSizes } from './delta.ts';
import { ProtocolError } from './errors.ts';
import type { HashRaw } from './object-hasher.ts';
import { OFS_DELTA, REF_DELTA, TYPE_CODES, TYPE_NAMES } from './pack-format.ts';
import { looseBuffer, type Allocate, type PackEntry } from './pack-stream.ts';
import type { RetainedBytes } from './retained-bytes.ts';
import { StreamInflater, WANTS_MORE } from './zlib-stream.ts';

/** One object of a pack, verified: its id is the SHA-1 of `raw`, its loose form. */
export interface ResolvedObject {
  /** The entry's position in the pack. */
  index: number;
  oid: Oid;
  type: ObjectType;
  /** `"<type> <size>\0<content>"`; the content starts at `contentStart`. */
  raw: Uint8Array;
  contentStart: number;
  /**
   * Where the pack holds the object's content as a zlib stream (offset and length): for an entry
   * that is the whole object, not for one a delta built.
   */
  zlib: { offset: number; length: number } | undefined;
}

/** Looks up delta bases a thin pack leaves out: objects this device holds. */
export type ResolveBases = (oids: readonly Oid[]) => Promise<Array<GitObject | undefined>>;

/** What is kept of each entry: enough to build it again from the retained pack. */
interface EntryInfo {
  offset: number;
  dataOffset: number;
  dataEnd: number;
  typeCode: number;
  size: number;
  /** The entry (OFS_DELTA, or REF_DELTA once its base is known in the pack) this delta applies to. */
  base?: number;
  baseOid?: Oid;
  type?: ObjectType;
}

function fail(problem: string, offset?: number): never {
  throw new ProtocolError('pack', problem, offset === undefined ? {} : { offset });
}

/**
 * Turns a pack's entries, as they stream in, into verified objects. A whole object is hashed at
 * once; a delta is applied as soon as its base is known, the base taken from a bounded cache or
 * built again from the retained pack (inflating the chain from its nearest cached or whole
 * ancestor, as `git index-pack` does), so memory stays bounded whatever the pack's inflated
 * size. A REF_DELTA naming an object not seen yet waits for it; once the pack is over, the
 * bases still missing are looked up outside it (a thin pack's), all at once.
 */
export class PackResolver {
  private readonly entries: EntryInfo[] = [];
  private readonly byOid = new Map<Oid, number>();
  private readonly outside = new Map<Oid, Uint8Array>();
  private readonly waitingOnIndex = new Map<number, Array<{ index: number; delta: Uint8Array }>>();
  private readonly waitingOnOid = new Map<Oid, Array<{ index: number; delta: Uint8Array }>>();
  private readonly toHash: Array<{ index: number; raw: Uint8Array; contentStart: number }> = [];
  private readonly unblocked: Array<{ index: number; raw: Uint8Array }> = [];
  private readonly cache: DeltaBaseCache;
  private readonly rebuilder = new StreamInflater();
  /** The hashing {@link flush} started, in order. */
  private hashing: Promise<void> = Promise.resolve();
  /** Objects resolved so far. */
  resolved = 0;

  constructor(
    private readonly pack: RetainedBytes,
    private readonly hash: HashRaw,
    private readonly onObject: (object: ResolvedObject) => void,
    /**
     * `allocate`: where the objects deltas build are written (as the reader's `allocate`).
     * `inflater`: the reader's, through which entries are inflated again while it is idle (between
     * entries), so one WebAssembly decoder serves both: each instance's exports object has a map of
     * its own in V8, and a second one deoptimized the decoder's every method mid-fetch.
     */
    private readonly options: { maxObjectBytes: number; cacheBytes: number; allocate?: Allocate; inflater?: StreamInflater },
  ) {
    this.cache = new DeltaBaseCache(options.cacheBytes);
  }

  /** Takes the next entry of the pack; call {@link flush} to finish what it made ready. */
  add(entry: PackEntry): void {
    // Every field from the start (none added later): one shape for all entries.
    const info: EntryInfo = { offset: entry.offset, dataOffset: entry.dataOffset, dataEnd: entry.dataEnd, typeCode: entry.typeCode, size: entry.size, base: undefined, baseOid: undefined, type: undefined };
    this.entries.push(info);
    if (entry.typeCode === OFS_DELTA) {
      const base = this.indexAt(entry.baseOffset as number);
      if (base === undefined) fail(`a delta whose base offset ${entry.baseOffset} is not the start of an earlier object`, entry.offset);
      info.base = base;
      this.deltaReady(entry.index, entry.data, base);
    } else if (entry.typeCode === REF_DELTA) {
      const baseOid = entry.baseOid as Oid;
      info.baseOid = baseOid;
      const base = this.byOid.get(baseOid);
      if (base === undefined) this.wait(this.waitingOnOid, baseOid, entry.index, entry.data);
      else this.deltaReady(entry.index, entry.data, (info.base = base));
    } else {
      info.type = TYPE_NAMES[entry.typeCode] as ObjectType;
      this.built(entry.index, entry.data, entry.contentStart);
    }
    this.settle();
  }

  /**
   * Hashes what is ready (large objects with WebCrypto, all at once, started now) and hands each
   * object on once what earlier calls started is handed on; resolves when all of it is. Not
   * awaiting it at once lets the next entries be read while WebCrypto hashes on its own thread
   * (the caller must await it before it needs the objects, and so see its failure).
   */
  flush(): Promise<void> {
    const started = this.startHashing();
    this.hashing = this.hashing.then(async () => {
      await this.handOn(started);
      while (this.toHash.length > 0) await this.handOn(this.startHashing());
    });
    return this.hashing;
  }

  private startHashing(): { batch: Array<{ index: number; raw: Uint8Array; contentStart: number }>; oids: Promise<Oid[]> } {
    const batch = this.toHash.splice(0);
    return { batch, oids: Promise.all(batch.map(({ raw }) => this.hash(raw))) };
  }

  /** Hands on a hashed batch, and applies the deltas that waited on its objects' ids. */
  private async handOn({ batch, oids: hashing }: ReturnType<PackResolver['startHashing']>): Promise<void> {
    const oids = await hashing;
    batch.forEach(({ index, raw, contentStart }, i) => {
      const oid = oids[i] as Oid;
      const info = this.entries[index] as EntryInfo;
      if (!this.byOid.has(oid)) this.byOid.set(oid, index);
      this.resolved++;
      const zlib = info.base === undefined && info.baseOid === undefined ? { offset: info.dataOffset, length: info.dataEnd - info.dataOffset } : undefined;
      this.onObject({ index, oid, type: info.type as ObjectType, raw, contentStart, zlib });
      for (const { index: child, delta } of this.take(this.waitingOnOid, oid)) {
        (this.entries[child] as EntryInfo).base = index;
        this.deltaReady(child, delta, index);
      }
      this.settle();
    });
  }

  /** `from`, a buffer objects were built in, was handed to another thread and came back as `to` (or will not). */
  moved(from: ArrayBufferLike, to?: ArrayBuffer): void {
    this.cache.moved(from, to);
  }

  /** Whether an object kept to be a delta's base lies in `buffer` (so it is read again). */
  holds(buffer: ArrayBufferLike): boolean {
    return this.cache.holds(buffer);
  }

  /** After the last entry: resolves deltas on bases outside the pack, then refuses any left. */
  async finish(resolveBases: ResolveBases): Promise<void> {
    await this.flush();
    while (this.waitingOnOid.size > 0) {
      const missing = [...this.waitingOnOid.keys()];
      const found = await resolveBases(missing);
      for (const [i, oid] of missing.entries()) {
        const base = found[i];
        const waiting = this.waitingOnOid.get(oid) as Array<{ index: number; delta: Uint8Array }>;
        if (!base) fail(`a delta against ${oid}, an object that is neither in the pack nor here`, this.entries[waiting[0]?.index ?? 0]?.offset);
        const { raw, contentStart } = looseBuffer(TYPE_CODES[base.type], base.content.length);
        raw.set(base.content, contentStart);
        if ((await this.hash(raw)) !== oid) throw new Error(`resolveBases gave another object for ${oid}`);
        this.outside.set(oid, raw);
        this.waitingOnOid.delete(oid);
        for (const { index, delta } of waiting) this.applyOn(index, delta, raw, base.type);
        this.settle();
      }
      await this.flush();
    }
    if (this.waitingOnIndex.size > 0) fail('a delta that could not be resolved (its bases name each other)');
    this.rebuilder.close();
  }

  /** A delta whose base entry is `base`: applied now if the base is built, else when it is. */
  private deltaReady(index: number, delta: Uint8Array, base: number): void {
    const baseInfo = this.entries[base] as EntryInfo;
    if (baseInfo.type === undefined) {
      this.wait(this.waitingOnIndex, base, index, delta);
      return;
    }
    this.applyOn(index, delta, this.rawOf(base), baseInfo.type);
  }

  private applyOn(index: number, delta: Uint8Array, baseRaw: Uint8Array, type: ObjectType): void {
    const info = this.entries[index] as EntryInfo;
    info.type = type;
    const { raw, contentStart } = this.applyDelta(baseRaw, delta, type, info.offset, this.options.allocate);
    this.built(index, raw, contentStart);
  }

  /** Builds the object `delta` makes of `baseRaw`, in room from `allocate` (a buffer of its own by default). */
  private applyDelta(baseRaw: Uint8Array, delta: Uint8Array, type: ObjectType, offset: number, allocate?: Allocate): { raw: Uint8Array; contentStart: number } {
    const sizes = readDeltaSizes(delta, { maxTargetBytes: this.options.maxObjectBytes });
    const { raw, contentStart } = looseBuffer(TYPE_CODES[type], sizes.targetSize, allocate);
    try {
      applyDeltaInto(baseRaw.subarray(baseRaw.indexOf(0) + 1), delta, sizes, raw, contentStart);
    } catch (error) {
      if (error instanceof ProtocolError && error.data.offset === undefined) throw new ProtocolError('delta', error.data.problem, { offset });
      throw error;
    }
    return { raw, contentStart };
  }

  /** An entry is built: cache it, queue it for hashing, and let {@link settle} apply the deltas waiting on it. */
  private built(index: number, raw: Uint8Array, contentStart: number): void {
    this.cache.set(index, raw);
    this.toHash.push({ index, raw, contentStart });
    if (this.waitingOnIndex.has(index)) this.unblocked.push({ index, raw });
  }

  /** Applies the deltas waiting on entries just built, and on those, with a stack: chains of any depth. */
  private settle(): void {
    for (let next = this.unblocked.pop(); next; next = this.unblocked.pop()) {
      const type = (this.entries[next.index] as EntryInfo).type as ObjectType;
      for (const { index: child, delta } of this.take(this.waitingOnIndex, next.index)) this.applyOn(child, delta, next.raw, type);
    }
  }

  /** The loose form of built entry `index`: from the cache, or built again from the pack. */
  private rawOf(index: number): Uint8Array {
    const cached = this.cache.get(index);
    if (cached) return cached;
    const chain: number[] = [];
    let at: number | undefined = index;
    let raw: Uint8Array | undefined;
    while (raw === undefined) {
      const info = this.entries[at as number] as EntryInfo;
      raw = this.cache.get(at as number);
      if (raw) break;
      chain.push(at as number);
      if (info.base !== undefined) at = info.base;
      else if (info.baseOid !== undefined) raw = this.outside.get(info.baseOid);
      else break;
    }
    for (const link of chain.reverse()) {
      const info = this.entries[link] as EntryInfo;
      if (raw === undefined) {
        raw = this.inflateAgain(info, looseBuffer(info.typeCode, info.size));
      } else {
        raw = this.applyDelta(raw, this.inflateAgain(info, { raw: new Uint8Array(info.size), contentStart: 0 }), info.type as ObjectType, info.offset).raw;
      }
      this.cache.set(link, raw);
    }
    return raw as Uint8Array;
  }

  /** Inflates an entry's data again from the retained pack into `out` (`info.size` bytes from `contentStart`). */
  private inflateAgain(info: EntryInfo, { raw: out, contentStart }: { raw: Uint8Array; contentStart: number }): Uint8Array {
    const shared = this.options.inflater;
    const inflater = shared?.idle ? shared : this.rebuilder;
    // Prepared first, as the reader does: begin's own call of prepare would be new to its compiled code.
    inflater.prepare(info.size);
    inflater.begin(out, contentStart, info.offset);
    const pack = this.pack;
    for (let i = pack.chunkAt(info.dataOffset); i >= 0 && i < pack.chunkCount; i++) {
      if (inflater.feed(pack.chunk(i), Math.max(0, info.dataOffset - pack.chunkStart(i))) !== WANTS_MORE) return out;
    }
    return fail('an object could not be read again from the pack', info.offset);
  }

  /** The entry starting at pack offset `offset`, by binary search (entries come in offset order). */
  private indexAt(offset: number): number | undefined {
    let low = 0;
    let high = this.entries.length - 2; // the last is the entry being added
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = (this.entries[middle] as EntryInfo).offset;
      if (at === offset) return middle;
      if (at < offset) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /** Keeps a delta until its base is built: a copy, since an entry's delta lies in the reader's reused buffer. */
  private wait<K>(map: Map<K, Array<{ index: number; delta: Uint8Array }>>, key: K, index: number, delta: Uint8Array): void {
    const kept = { index, delta: delta.slice() };
    const list = map.get(key);
    if (list) list.push(kept);
    else map.set(key, [kept]);
  }

  private take<K>(map: Map<K, Array<{ index: number; delta: Uint8Array }>>, key: K): Array<{ index: number; delta: Uint8Array }> {
    const list = map.get(key) ?? [];
    map.delete(key);
    return list;
  }
}
