// The store suite's harness: every test runs against each backend (Irmin's habit), the
// in-memory one and IndexedDB (fake-indexeddb here; real Chromium in e2e/), loose and batched.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createMemoryBackend, openRepo, parseJsonObject, type Backend, type CommitInfo, type Repo } from '../../src/store/index.ts';
import { openIndexedDbBackend } from '../../src/store/backend/index.ts';
import { fromUtf8 } from '../../src/store/objects/index.ts';

/** Opens a repository; `peer` opens a second handle on the same storage (another tab). */
export interface Harness {
  open(): Promise<{ repo: Repo; peer: () => Promise<Repo>; backend: Backend }>;
}

export const harnesses: Record<string, Harness> = {
  memory: {
    async open() {
      const backend = createMemoryBackend();
      const name = `mem-${Math.random()}`;
      return { repo: await openRepo({ name, backend }), peer: () => openRepo({ name, backend }), backend };
    },
  },
  indexeddb: {
    async open() {
      const factory = new IDBFactory();
      const name = 'tasks';
      const backend = await openIndexedDbBackend(name, factory);
      return {
        repo: await openRepo({ name, indexedDB: factory }),
        peer: () => openRepo({ name, indexedDB: factory }),
        backend,
      };
    },
  },
  // IndexedDB again, with every write stored as a batch (chunks plus an index) rather than
  // as loose records, so the whole suite covers the layout fetched packs use.
  'indexeddb-batched': {
    async open() {
      const factory = new IDBFactory();
      const name = 'tasks';
      const openBackend = () => openIndexedDbBackend(name, factory, { batchMinObjects: 1 });
      const backend = await openBackend();
      return {
        repo: await openRepo({ name, backend }),
        peer: async () => openRepo({ name, backend: await openBackend() }),
        backend,
      };
    },
  },
};


let clock = Date.UTC(2026, 0, 1);
/** Commit info with a moving clock, so history order does not hang on same-second ties. */
export const info = (message: string): CommitInfo => ({
  message,
  author: { name: 'Tester', email: 'tester@example.org' },
  date: new Date((clock += 1000)),
});
export const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : fromUtf8(bytes));
export const json = (bytes: Uint8Array | undefined): unknown => (bytes === undefined ? undefined : parseJsonObject(bytes));

export async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}
