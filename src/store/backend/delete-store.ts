// Deleting a repository's storage: its IndexedDB database and the files its batches keep.
import { StoreError } from '../errors.ts';
import { deleteBatchFolder } from './batch-files.ts';

/**
 * Deletes database `name` and its batch files, once every connection to it is closed (a tab that
 * keeps one open blocks it until it closes).
 */
export async function deleteIndexedDbBackend(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new StoreError('unavailable', `Database ${name} could not be deleted.`, { name }));
  });
  await deleteBatchFolder(name);
}
