// A batch's chunks kept in a file of the origin private file system (OPFS) instead of IndexedDB
// records. A first sync stores about its pack's size, and IndexedDB costs Chromium ~20 ms of CPU
// per MB stored (each value serialized, Snappy-compressed, copied into a blob, carried to the
// browser process and written there) where a worker's synchronous access handle writes a file
// from its own thread at ~5 ms per MB, file opened and flushed included (64 MB on a 2-core VM:
// 1,300-1,390 ms of Chromium's CPU as IndexedDB puts, 320-420 ms as a file per 4 MB run).
//
// Only a dedicated worker can write so (the page and Node cannot: their batches stay in
// IndexedDB); any realm reads a file through `getFile()`. The file holds the run's chunks back to
// back; the batch's index, still in IndexedDB, names it and where each chunk starts, and is
// written only once the file is flushed, so no index names a file that is not whole.

/** Where a batch's chunks lie in its file: its name and each chunk's start (one more: the end). */
export interface BatchFile {
  name: string;
  starts: Uint32Array;
}

/** The part of a synchronous access handle used here (TypeScript's DOM library lacks the type). */
interface SyncAccessHandle {
  write(buffer: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
}
type WritableFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncAccessHandle> };

const ROOT = 'taskgit-batches';

/** The folder of database `name`'s batch files, made when `create`; undefined where there is none or no OPFS. */
export async function batchFolder(name: string, create: boolean): Promise<FileSystemDirectoryHandle | undefined> {
  try {
    const root = await globalThis.navigator?.storage?.getDirectory?.();
    if (!root) return undefined;
    const all = await root.getDirectoryHandle(ROOT, { create });
    return await all.getDirectoryHandle(encodeURIComponent(name), { create });
  } catch {
    return undefined; // no folder yet, or a browser (a private window in some) that refuses OPFS
  }
}

/** Whether this realm can write batch files: a dedicated worker whose browser has synchronous access handles. */
export function canWriteBatchFiles(): boolean {
  const handle = (globalThis as { FileSystemFileHandle?: { prototype: object } }).FileSystemFileHandle;
  return handle !== undefined && 'createSyncAccessHandle' in handle.prototype;
}

/** Import `id`'s files are named `<id>.<suffix>`: an abandoned import's are found by the name. */
export function batchFileName(importId: string): string {
  return `${importId}.${Math.random().toString(36).slice(2)}`;
}

/** Writes `chunks` back to back into a new file `name` of `folder`, flushed before it resolves. */
export async function writeBatchFile(folder: FileSystemDirectoryHandle, name: string, chunks: readonly Uint8Array[]): Promise<BatchFile> {
  const file = (await folder.getFileHandle(name, { create: true })) as WritableFileHandle;
  const handle = await file.createSyncAccessHandle();
  const starts = new Uint32Array(chunks.length + 1);
  try {
    let at = 0;
    chunks.forEach((chunk, i) => {
      starts[i] = at;
      at += handle.write(chunk, { at });
    });
    starts[chunks.length] = at;
    handle.flush();
  } finally {
    handle.close();
  }
  return { name, starts };
}

/** Chunk `chunk` of a batch whose file is `file` (`getFile()` of it). */
export async function readBatchChunk(file: File, where: BatchFile, chunk: number): Promise<Uint8Array | undefined> {
  const start = where.starts[chunk];
  const end = where.starts[chunk + 1];
  if (start === undefined || end === undefined) return undefined;
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

/** How long to wait before each new try at deleting files a worker ending still holds (it lets go within ~250 ms). */
const DELETE_RETRY_MS = [25, 50, 100, 200, 400];

/**
 * Deletes import `id`'s files from `folder`. A worker that wrote one holds it until it has ended,
 * which comes a moment after it was told to (an abort ends the workers, then deletes): such a file
 * is tried again, a few times within a second. False when one is still left: the caller keeps the
 * import, to be deleted again later.
 */
export async function deleteImportFiles(folder: FileSystemDirectoryHandle, id: string): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const names: string[] = [];
    for await (const name of (folder as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> }).keys()) if (name.startsWith(`${id}.`)) names.push(name);
    const deleted = await Promise.all(names.map((name) => folder.removeEntry(name).then(() => true, () => false)));
    if (deleted.every(Boolean)) return true;
    const wait = DELETE_RETRY_MS[attempt];
    if (wait === undefined) return false;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Deletes every batch file of database `name` (with the database itself: see `deleteRepo`). */
export async function deleteBatchFolder(name: string): Promise<void> {
  const root = await globalThis.navigator?.storage?.getDirectory?.().catch(() => undefined);
  const all = await root?.getDirectoryHandle(ROOT).catch(() => undefined);
  await all?.removeEntry(encodeURIComponent(name), { recursive: true }).catch(() => undefined);
}
