// What one handle of a database knows of its batches kept in files (batch-files.ts): which
// batches those are, the files it has opened, and the deleting of an import's files.
import { batchFolder, deleteImportFiles, readBatchChunk, type BatchFile } from './batch-files.ts';

export class BatchFileReader {
  private readonly batches = new Map<number, BatchFile>();
  /** Each file as `getFile()` gave it once: a batch's file is never written again. */
  private readonly files = new Map<string, Promise<File | undefined>>();
  private folder: Promise<FileSystemDirectoryHandle | undefined> | undefined;

  constructor(private readonly database: string) {}

  /** Batch `batch` keeps its chunks in `file` (none: in IndexedDB records). */
  learn(batch: number, file: BatchFile | undefined): void {
    if (file) this.batches.set(batch, file);
  }

  /** Chunk `chunk` of `batch` when the batch is kept in a file (undefined inside: the file is gone); undefined when it is not. */
  chunk(batch: number, chunk: number): Promise<Uint8Array | undefined> | undefined {
    const where = this.batches.get(batch);
    return where && this.read(where, chunk);
  }

  /** Deletes import `id`'s files; false when one is still held (see `deleteImportFiles`). */
  async deleteImport(id: string): Promise<boolean> {
    const folder = await this.openFolder();
    return folder ? deleteImportFiles(folder, id) : true;
  }

  private async read(where: BatchFile, chunk: number): Promise<Uint8Array | undefined> {
    let file = this.files.get(where.name);
    if (!file) {
      file = this.openFolder().then((folder) => folder?.getFileHandle(where.name)).then((handle) => handle?.getFile(), () => undefined);
      this.files.set(where.name, file);
    }
    const opened = await file;
    if (!opened) this.files.delete(where.name);
    return opened && readBatchChunk(opened, where, chunk).catch(() => undefined);
  }

  private openFolder(): Promise<FileSystemDirectoryHandle | undefined> {
    return (this.folder ??= batchFolder(this.database, false).then((folder) => {
      if (!folder) this.folder = undefined; // made later by a worker's first file: looked for again
      return folder;
    }));
  }
}
