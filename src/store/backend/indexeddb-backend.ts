import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { StoreError } from '../errors.ts';
import type { Oid } from '../oid.ts';
import { ownBytes, type Backend } from './backend.ts';

interface StoreSchema extends DBSchema {
  /** Uncompressed loose objects keyed by id. */
  objects: { key: string; value: Uint8Array };
  /** Ref name (e.g. `refs/heads/main`) to commit id. */
  refs: { key: string; value: string };
}

const SCHEMA_VERSION = 1;

/** Opens (creating when missing) the IndexedDB database `name` as a store backend. */
export async function openIndexedDbBackend(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<Backend> {
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
  });
  const database = (await wrap(request)) as IDBPDatabase<StoreSchema>;
  // A newer version is waiting in another tab: step aside rather than block it.
  database.addEventListener('versionchange', () => database.close());
  return createBackend(database);
}

function createBackend(database: IDBPDatabase<StoreSchema>): Backend {
  return {
    getObject: (oid) => database.get('objects', oid),
    async getObjects(oids) {
      const tx = database.transaction('objects');
      const found = await Promise.all(oids.map((oid) => tx.store.get(oid)));
      await tx.done;
      return found;
    },
    async hasObjects(oids) {
      const tx = database.transaction('objects');
      const found = await Promise.all(oids.map((oid) => tx.store.getKey(oid)));
      await tx.done;
      return found.map((key) => key !== undefined);
    },
    async putObjects(list) {
      const tx = database.transaction('objects', 'readwrite');
      for (const { oid, raw } of list) void tx.store.put(ownBytes(raw), oid);
      await tx.done;
    },
    getRef: async (name) => (await database.get('refs', name)) as Oid | undefined,
    async listRefs() {
      const tx = database.transaction('refs');
      const refs = new Map<string, Oid>();
      for await (const cursor of tx.store) refs.set(cursor.key, cursor.value as Oid);
      return refs;
    },
    async compareAndSetRef(name, expected, next, list) {
      // One readwrite transaction over both tables: IndexedDB runs overlapping readwrite
      // transactions one at a time, so the check and the move cannot interleave with another
      // tab's, and the objects land with the ref or not at all.
      const tx = database.transaction(['objects', 'refs'], 'readwrite');
      const refs = tx.objectStore('refs');
      const current = await refs.get(name);
      if (current !== expected) {
        tx.abort();
        await tx.done.catch(() => undefined);
        return false;
      }
      const objects = tx.objectStore('objects');
      for (const { oid, raw } of list) void objects.put(ownBytes(raw), oid);
      void refs.put(next, name);
      await tx.done;
      return true;
    },
    close: () => database.close(),
  };
}
