/** Storage backends: a content-addressed object table plus a compare-and-set ref table. */
export type { Backend } from './backend.ts';
export { createMemoryBackend } from './memory-backend.ts';
export { DEFAULT_CHUNK_CACHE_BYTES, deleteIndexedDbBackend, openIndexedDbBackend } from './indexeddb-backend.ts';
export type { IndexedDbBackendOptions } from './indexeddb-backend.ts';
