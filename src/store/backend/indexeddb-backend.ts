import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { ObjectNotFoundError, StoreError } from '../errors.ts';
import { LruCache } from '../lru-cache.ts';
import { TimeSlice } from '../time-slice.ts';
import type { HashedObject } from '../objects/index.ts';
import { parseOid, type Oid } from '../oid.ts';
import { ownBytes, type Backend, type BackendImport, type RefMove } from './backend.ts';
import { BatchFileReader } from './batch-file-reader.ts';
import { abandonedImports, holdImport } from './import-liveness.ts';
import { readGroupEnd, type ReadLayout } from './read-groups.ts';
import { looseForms } from './stored-record.ts';
import { IMPORT_STORES, putImportRun, SCHEMA_VERSION, type StoreSchema, type WriteStores } from './indexeddb-import.ts';
import { batchSize, chunkKey, encodeBatch, indexOfId, readBatchIndex, type BatchIndex, type BatchLocation, type ObjectRun } from './object-batch.ts';

type WriteTx = IDBPTransaction<StoreSchema, WriteStores, 'readwrite'>;
/** A write of at least this many objects goes to a batch; a commit's handful stays loose. */
const BATCH_MIN_OBJECTS = 64;
/**
 * The default bound on the chunks kept in memory (~256 KB each): reads of neighbouring objects
 * share one get, and a batch just written (a pull's, read again at once by its merge) needs none.
 */
export const DEFAULT_CHUNK_CACHE_BYTES = 12 * 2 ** 20;

/** How to lay objects out and what to keep in memory; the defaults suit real use. */
export interface IndexedDbBackendOptions {
  /** A write of at least this many objects is stored as a batch (tests force batches with 1). */
  batchMinObjects?: number;
  /** How many bytes of batch chunks to keep in memory (default {@link DEFAULT_CHUNK_CACHE_BYTES}). */
  chunkCacheBytes?: number;
}

/** Opens (creating or upgrading when needed) the IndexedDB database `name` as a store backend. */
export async function openIndexedDbBackend(
  name: string,
  factory: IDBFactory = globalThis.indexedDB,
  options: IndexedDbBackendOptions = {},
): Promise<Backend> {
  if (typeof globalThis.IDBRequest === 'undefined') {
    // idb recognises requests and transactions by the global IndexedDB classes.
    throw new StoreError(
      'unavailable',
      "IndexedDB's classes are not global here: in Node, import 'fake-indexeddb/auto' before opening a repository.",
      { name },
    );
  }
  // idb's openDB always uses the global `indexedDB`; open through the given factory and wrap.
  const request = factory.open(name, SCHEMA_VERSION);
  request.addEventListener('upgradeneeded', () => {
    const database = request.result;
    if (!database.objectStoreNames.contains('objects')) database.createObjectStore('objects');
    if (!database.objectStoreNames.contains('refs')) database.createObjectStore('refs');
    if (!database.objectStoreNames.contains('batches')) database.createObjectStore('batches', { autoIncrement: true });
    if (!database.objectStoreNames.contains('chunks')) database.createObjectStore('chunks');
    if (!database.objectStoreNames.contains('imports')) database.createObjectStore('imports');
  });
  const database = (await wrap(request)) as IDBPDatabase<StoreSchema>;
  // A newer version is waiting in another tab: step aside rather than block it.
  database.addEventListener('versionchange', () => database.close());
  return new IndexedDbBackend(database, name, options.batchMinObjects ?? BATCH_MIN_OBJECTS, options.chunkCacheBytes ?? DEFAULT_CHUNK_CACHE_BYTES);
}

/** A commit's write touches only the stores it needs: a wider scope costs every commit. */
const LOOSE_STORES: WriteStores = ['objects'];
const BATCH_STORES: WriteStores = ['batches', 'chunks'];
/** Objects added to the in-memory index between looks at the clock (well under a millisecond). */
const LOCATE_STEP = 500;

/** A batch this handle stored or learnt of; `chunks` only when it stored them itself. */
interface WrittenBatch {
  batch: number;
  index: BatchIndex;
  chunks?: Uint8Array[];
}

class IndexedDbBackend implements Backend {
  /** Where each batched object lies; loaded at first use and whenever a look-up misses. */
  private readonly located = new Map<Oid, BatchLocation>();
  /** About each located chunk's size: where its last object ends (see read-groups.ts). */
  private readonly chunkEnds = new Map<string, number>();
  private readonly readLayout: ReadLayout;
  private readonly loadedBatches = new Set<number>();
  private readonly chunkCache: LruCache<string, Uint8Array>;
  private lastLook: Promise<void> | undefined;
  private firstLoad: Promise<void> | undefined;
  private readonly importsHeld = new Set<() => void>();
  private readonly batchFiles: BatchFileReader;

  constructor(
    private readonly database: IDBPDatabase<StoreSchema>,
    private readonly name: string,
    private readonly batchMinObjects: number,
    chunkCacheBytes: number,
  ) {
    this.chunkCache = new LruCache(chunkCacheBytes, (chunk) => chunk.byteLength);
    this.batchFiles = new BatchFileReader(name);
    this.readLayout = { located: this.located, chunkEnds: this.chunkEnds, isCached: (key) => this.chunkCache.has(key) };
  }

  async getObject(oid: Oid): Promise<Uint8Array | undefined> {
    return (await this.getObjects([oid]))[0];
  }

  async getObjects(oids: readonly Oid[]): Promise<Array<Uint8Array | undefined>> {
    await (this.firstLoad ??= this.loadNewBatches());
    const found = await this.read(oids);
    if (!found.includes(undefined)) return looseForms(found);
    // Another tab (or a concurrent write here) may have stored a batch since we looked.
    await this.loadNewBatches();
    const retry = oids.filter((oid, i) => found[i] === undefined && this.located.has(oid));
    if (retry.length === 0) return looseForms(found);
    const again = new Map((await this.read(retry)).map((raw, i) => [retry[i] as Oid, raw]));
    return looseForms(found.map((raw, i) => raw ?? again.get(oids[i] as Oid)));
  }

  async hasObjects(oids: readonly Oid[]): Promise<boolean[]> {
    await (this.firstLoad ??= this.loadNewBatches());
    if (oids.every((oid) => this.located.has(oid))) return oids.map(() => true);
    // One not located is loose, or in a batch stored since we looked (by another tab), or absent:
    // the loose records and the batches are looked up at once, not one round trip after the other.
    const [has] = await Promise.all([this.hasLooseOrLocated(oids), this.loadNewBatches()]);
    return has.map((known, i) => known || this.located.has(oids[i] as Oid));
  }

  async putObjects(list: readonly HashedObject[]): Promise<void> {
    const tx = this.database.transaction(this.batches(list) ? BATCH_STORES : LOOSE_STORES, 'readwrite');
    const batch = await this.write(tx, list);
    await tx.done;
    this.remember(batch);
  }

  getRef = async (name: string): Promise<Oid | undefined> => {
    const target = await this.database.get('refs', name);
    return target === undefined ? undefined : parseOid(target);
  };

  async listRefs(): Promise<Map<string, Oid>> {
    const tx = this.database.transaction('refs');
    const refs = new Map<string, Oid>();
    for await (const cursor of tx.store) refs.set(cursor.key, parseOid(cursor.value));
    return refs;
  }

  async compareAndSetRef(name: string, expected: Oid | undefined, next: Oid, list: readonly HashedObject[]): Promise<boolean> {
    // One readwrite transaction over the refs and the objects' tables: IndexedDB runs
    // overlapping readwrite transactions one at a time, so the check and the move cannot
    // interleave with another tab's, and the objects land with the ref or not at all.
    const tx = this.database.transaction(['refs', ...(this.batches(list) ? BATCH_STORES : LOOSE_STORES)], 'readwrite');
    const refs = tx.objectStore('refs');
    const current = await refs.get(name);
    if (current !== expected) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return false;
    }
    const batch = await this.write(tx, list);
    void refs.put(next, name);
    await tx.done;
    this.remember(batch);
    return true;
  }

  async beginImport(): Promise<BackendImport> {
    // The index of stored batches is loaded meanwhile: the commit checks the ref's commit against
    // it, and the fetch that imports looks objects up (the wanted head) before it puts any.
    await Promise.all([this.deleteAbandonedImports(), (this.firstLoad ??= this.loadNewBatches())]);
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const release = await holdImport(this.name, id);
    const written: WrittenBatch[] = [];
    let finished = false;
    const finish = (): void => {
      finished = true;
      this.importsHeld.delete(finish);
      release();
    };
    // Closing this handle ends its imports: unfinished, they are abandoned and cleaned up later.
    this.importsHeld.add(finish);
    const check = (): void => {
      if (finished) throw new StoreError('unavailable', 'This import has already been committed or aborted.', { name: this.name });
    };
    return {
      target: { database: this.name, id },
      put: async (run: ObjectRun) => {
        check();
        const batch = await putImportRun(this.database, id, run);
        written.push({ batch, index: run.index });
        run.chunks.forEach((chunk, i) => this.chunkCache.set(chunkKey(batch, i), chunk));
      },
      commit: async (ref?: RefMove) => {
        check();
        const tx = this.database.transaction(['imports', 'refs', 'batches', 'objects'], 'readwrite');
        if (ref && (await tx.objectStore('refs').get(ref.name)) !== ref.expected) {
          tx.abort();
          await tx.done.catch(() => undefined);
          return false;
        }
        // Runs a worker stored through `target` are known only from the import's record.
        const known = new Set(written.map(({ batch }) => batch));
        const others = ((await tx.objectStore('imports').get(id))?.batches ?? []).filter((batch) => !known.has(batch));
        const indexes = await Promise.all(others.map((batch) => tx.objectStore('batches').get(batch)));
        const imported = [...written.map(({ index }) => index), ...indexes.filter((index): index is BatchIndex => index !== undefined)];
        const present = (oid: Oid) => this.located.has(oid) || imported.some((index) => indexOfId(index.oids, oid) >= 0);
        if (ref && !present(ref.next) && (await tx.objectStore('objects').getKey(ref.next)) === undefined) {
          tx.abort();
          await tx.done.catch(() => undefined);
          throw new ObjectNotFoundError(ref.next);
        }
        void tx.objectStore('imports').delete(id);
        if (ref) void tx.objectStore('refs').put(ref.next, ref.name);
        await tx.done;
        finish();
        others.forEach((batch, i) => indexes[i] && written.push({ batch, index: indexes[i] }));
        const slice = new TimeSlice();
        for (const batch of written) await this.rememberInSlices(batch, slice);
        return true;
      },
      abort: async () => {
        if (finished) return;
        finish();
        await this.deleteImport(id, written.map(({ batch }) => batch));
      },
    };
  }

  close(): void {
    for (const finish of [...this.importsHeld]) finish();
    this.database.close();
  }

  /** Deletes the batches of imports whose writer is gone (a closed tab, a crash). */
  private async deleteAbandonedImports(): Promise<void> {
    const ids = await this.database.getAllKeys('imports');
    if (ids.length === 0) return;
    for (const id of await abandonedImports(this.name, ids)) await this.deleteImport(id, []);
  }

  /**
   * Deletes import `id`'s batches: those given, and those its record lists (a put that committed
   * meanwhile), and its files. A file still held by a worker ending keeps the import's record, so
   * the next `beginImport` deletes what is left.
   */
  private async deleteImport(id: string, known: readonly number[]): Promise<void> {
    const filesGone = await this.batchFiles.deleteImport(id);
    const tx = this.database.transaction(IMPORT_STORES, 'readwrite');
    const record = await tx.objectStore('imports').get(id);
    for (const batch of new Set([...known, ...(record?.batches ?? [])])) {
      void tx.objectStore('batches').delete(batch);
      void tx.objectStore('chunks').delete(IDBKeyRange.bound([batch, 0], [batch, Infinity]));
    }
    if (filesGone) void tx.objectStore('imports').delete(id);
    else void tx.objectStore('imports').put({ batches: [] }, id);
    await tx.done;
  }

  /**
   * Learns of a committed import's batch in time slices, so a huge one (or many: a first sync's)
   * never holds the page: {@link LOCATE_STEP} objects between looks at the clock.
   */
  private async rememberInSlices({ batch, index }: WrittenBatch, slice = new TimeSlice()): Promise<void> {
    const count = batchSize(index);
    for (let from = 0; from < count; from += LOCATE_STEP) {
      if (slice.due()) await slice.next();
      readBatchIndex(batch, index, this.located, from, Math.min(count, from + LOCATE_STEP), this.chunkEnds);
    }
    this.batchFiles.learn(batch, index.file);
    this.loadedBatches.add(batch);
  }

  /** Queues the writes of `list` in `tx`: loose records for a few objects, a batch for many. */
  private batches(list: readonly HashedObject[]): boolean {
    return list.length >= this.batchMinObjects;
  }

  private async write(tx: WriteTx, list: readonly HashedObject[]): Promise<WrittenBatch | undefined> {
    if (!this.batches(list)) {
      const objects = tx.objectStore('objects');
      for (const { oid, raw } of list) void objects.put(ownBytes(raw), oid);
      return undefined;
    }
    const { chunks, index } = encodeBatch(list);
    const batch = await tx.objectStore('batches').add(index);
    const store = tx.objectStore('chunks');
    chunks.forEach((chunk, i) => void store.put(chunk, [batch, i]));
    return { batch, index, chunks };
  }

  /** Learns of a batch once its transaction has committed (never of one that aborted). */
  private remember(written: WrittenBatch | undefined): void {
    if (!written) return;
    readBatchIndex(written.batch, written.index, this.located, 0, batchSize(written.index), this.chunkEnds);
    this.loadedBatches.add(written.batch);
    written.chunks?.forEach((chunk, i) => this.chunkCache.set(chunkKey(written.batch, i), chunk));
  }

  /** The objects when every one is in a cached chunk (no transaction needed), else `undefined`. */
  private readCached(oids: readonly Oid[]): Uint8Array[] | undefined {
    const found: Uint8Array[] = [];
    for (const oid of oids) {
      const at = this.located.get(oid);
      const chunk = at && this.chunkCache.get(chunkKey(at.batch, at.chunk));
      if (!at || !chunk) return undefined;
      found.push(chunk.subarray(at.offset, at.offset + at.length));
    }
    return found;
  }

  /**
   * Reads `oids` a group per transaction, the page let through between groups: IndexedDB hands
   * a transaction's finished requests to the page together, in one task, so a group is bounded
   * by read-groups.ts in records and in bytes of chunks not cached yet.
   */
  private async read(oids: readonly Oid[]): Promise<Array<Uint8Array | undefined>> {
    const cached = this.readCached(oids);
    if (cached) return cached;
    const found: Array<Uint8Array | undefined> = [];
    const slice = new TimeSlice();
    for (let start = 0; start < oids.length; ) {
      if (start > 0) await slice.pause();
      const end = readGroupEnd(oids, start, this.readLayout);
      found.push(...(await this.readGroup(oids.slice(start, end))));
      start = end;
    }
    return found;
  }

  private async readGroup(oids: readonly Oid[]): Promise<Array<Uint8Array | undefined>> {
    const cached = this.readCached(oids);
    if (cached) return cached;
    const tx = this.database.transaction(['objects', 'chunks']);
    const objects = tx.objectStore('objects');
    const chunks = tx.objectStore('chunks');
    const pending = new Map<string, Promise<Uint8Array | undefined>>();
    const readChunk = (batch: number, chunk: number): Promise<Uint8Array | undefined> => {
      const key = chunkKey(batch, chunk);
      const cached = this.chunkCache.get(key);
      if (cached) return Promise.resolve(cached);
      let request = pending.get(key);
      if (!request) {
        request = (this.batchFiles.chunk(batch, chunk) ?? chunks.get([batch, chunk])).then((bytes) => {
          if (bytes) this.chunkCache.set(key, bytes);
          return bytes;
        });
        pending.set(key, request);
      }
      return request;
    };
    const found = await Promise.all(
      oids.map(async (oid) => {
        const at = this.located.get(oid);
        if (!at) return objects.get(oid);
        const chunk = await readChunk(at.batch, at.chunk);
        return chunk?.subarray(at.offset, at.offset + at.length);
      }),
    );
    await tx.done;
    return found;
  }

  private async hasLooseOrLocated(oids: readonly Oid[]): Promise<boolean[]> {
    const tx = this.database.transaction('objects');
    const found = await Promise.all(oids.map(async (oid) => this.located.has(oid) || (await tx.store.getKey(oid)) !== undefined));
    await tx.done;
    return found;
  }

  /**
   * Reads the indexes of batches stored since we last looked (by any tab). Each call looks after it was made: calls queue rather than share a look in flight,
   * which may have started before the batch the caller misses was stored.
   */
  private loadNewBatches(): Promise<void> {
    const look = (this.lastLook ?? Promise.resolve()).catch(() => undefined).then(() => this.readNewBatchIndexes());
    this.lastLook = look;
    return look;
  }

  private async readNewBatchIndexes(): Promise<void> {
    const tx = this.database.transaction(['batches', 'imports']);
    const [imports, stored] = await Promise.all([tx.objectStore('imports').getAll(), tx.objectStore('batches').getAllKeys()]);
    const hidden = new Set(imports.flatMap(({ batches }) => batches));
    const keys = stored.filter((key) => !this.loadedBatches.has(key) && !hidden.has(key));
    const indexes = await Promise.all(keys.map((key) => tx.objectStore('batches').get(key)));
    await tx.done;
    const slice = new TimeSlice();
    for (const [i, batch] of keys.entries()) {
      const index = indexes[i];
      if (index) await this.rememberInSlices({ batch, index }, slice);
    }
  }
}
