/** Storage backends: a content-addressed object table plus a compare-and-set ref table. */
export type { Backend } from './backend.ts';
export { createMemoryBackend } from './memory-backend.ts';
export { DEFAULT_CHUNK_CACHE_BYTES, openIndexedDbBackend } from './indexeddb-backend.ts';
export { deleteIndexedDbBackend } from './delete-store.ts';
export type { IndexedDbBackendOptions } from './indexeddb-backend.ts';
