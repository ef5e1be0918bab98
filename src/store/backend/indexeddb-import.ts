// The IndexedDB layout and the one write an import makes per run, shared by the backend and by a
// worker that stores a fetch's runs itself (on a connection of its own to the same database), so
// the page never spends its main thread cloning megabytes into IndexedDB.
import { wrap, type DBSchema, type IDBPDatabase, type StoreNames } from 'idb';
import { StoreError } from '../errors.ts';
import { batchFileName, batchFolder, canWriteBatchFiles, writeBatchFile } from './batch-files.ts';
import { CHUNK_BYTES, type BatchIndex, type ObjectRun } from './object-batch.ts';

export interface StoreSchema extends DBSchema {
  /** Uncompressed loose objects keyed by id: what commits write, a few at a time. */
  objects: { key: string; value: Uint8Array };
  /** Ref name (e.g. `refs/heads/main`) to commit id. */
  refs: { key: string; value: string };
  /** Indexes of objects stored many at once (see object-batch.ts), by batch number. */
  batches: { key: number; value: BatchIndex };
  /** Each batch's objects, concatenated in chunks, by `[batch, chunk]`. */
  chunks: { key: [number, number]; value: Uint8Array };
  /** Imports under way or abandoned, by id: the batches each has stored, hidden until it commits. */
  imports: { key: string; value: { batches: number[] } };
}

export type WriteStores = Array<StoreNames<StoreSchema>>;

/**
 * Version 2 added `batches` and `chunks`, version 3 `imports`, version 4 records a batch may keep
 * deflated (stored-record.ts: a tab of an older version must not read them as loose forms, so it
 * is asked to close), version 5 batches whose chunks are in a file (batch-files.ts); older
 * databases upgrade in place.
 */
export const SCHEMA_VERSION = 5;
export const IMPORT_STORES: WriteStores = ['batches', 'chunks', 'imports'];

/** Where a run of an import may be stored from another realm (a worker): the database and the import. */
export interface ImportTarget {
  database: string;
  id: string;
}

/**
 * A run this large or larger goes to a file where one can be written: a file costs ~5 ms to make
 * and flush whatever its size, about what IndexedDB costs per 256 KB, and a pull of a commit or
 * two would otherwise leave a file of a few KB each time, for years.
 */
const FILE_MIN_BYTES = CHUNK_BYTES;

/**
 * Stores one run of import `id`: in one transaction its batch index, its chunks, and the import's
 * record. With `folder` (a worker that can write files) a run of {@link FILE_MIN_BYTES} or more
 * has its chunks written to a file of its own first, and the transaction names it. Returns the batch.
 */
export async function putImportRun(database: IDBPDatabase<StoreSchema>, id: string, run: ObjectRun, folder?: FileSystemDirectoryHandle): Promise<number> {
  const bytes = run.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const file = folder && bytes >= FILE_MIN_BYTES ? await writeBatchFile(folder, batchFileName(id), run.chunks) : undefined;
  const tx = database.transaction(IMPORT_STORES, 'readwrite');
  const batch = await tx.objectStore('batches').add(file ? { ...run.index, file } : run.index);
  const chunks = tx.objectStore('chunks');
  if (!file) run.chunks.forEach((chunk, i) => void chunks.put(chunk, [batch, i]));
  const imports = tx.objectStore('imports');
  const record = await imports.get(id);
  void imports.put({ batches: [...(record?.batches ?? []), batch] }, id);
  await tx.done;
  return batch;
}

/** Stores runs into an import begun elsewhere (`ObjectImport.target`). */
export interface ImportWriter {
  put(run: ObjectRun): Promise<void>;
  close(): void;
}

/**
 * Opens import `target`'s database (already at {@link SCHEMA_VERSION}: the page made it) on a
 * connection of this realm's own. The import stays the page's: it shows or deletes the runs.
 * Where this realm can write batch files, runs go to files, and the import's record is made
 * before the first one, so that a tab closed mid-import leaves no file that no record names.
 */
export async function openImportWriter(target: ImportTarget, factory: IDBFactory = globalThis.indexedDB): Promise<ImportWriter> {
  const request = factory.open(target.database);
  const database = (await wrap(request)) as IDBPDatabase<StoreSchema>;
  if (database.version !== SCHEMA_VERSION) {
    database.close();
    throw new StoreError('unavailable', `Database ${target.database} is at version ${database.version}, not ${SCHEMA_VERSION}.`, { name: target.database });
  }
  database.addEventListener('versionchange', () => database.close());
  const folder = canWriteBatchFiles() ? await batchFolder(target.database, true) : undefined;
  if (folder) await recordImport(database, target.id);
  return {
    put: async (run) => void (await putImportRun(database, target.id, run, folder)),
    close: () => database.close(),
  };
}

/** Makes import `id`'s record, with no batch yet, unless it has one. */
async function recordImport(database: IDBPDatabase<StoreSchema>, id: string): Promise<void> {
  const tx = database.transaction('imports', 'readwrite');
  if ((await tx.store.getKey(id)) === undefined) void tx.store.put({ batches: [] }, id);
  await tx.done;
}
