/** Storage backends: a content-addressed object table plus a compare-and-set ref table. */
export type { Backend } from './backend.ts';
export { createMemoryBackend } from './memory-backend.ts';
export { openIndexedDbBackend } from './indexeddb-backend.ts';
