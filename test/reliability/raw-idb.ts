// Reads and damages a store's IndexedDB database from outside the store, as a test of what the
// store does with what it finds there: a dump of every record (to prove nothing changed) and a
// flipped byte (disk corruption). Works on fake-indexeddb's factories, one per simulated device.

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return request(factory.open(name));
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Plain text for any value the store keeps: bytes as hex, the rest as JSON. */
function describe(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner instanceof Uint8Array ? `bytes:${Buffer.from(inner).toString('hex')}` : inner,
  );
}

/** Every record of every object store of database `name`, as `store key -> value` text, sorted. */
export async function dumpDatabase(factory: IDBFactory, name: string): Promise<Record<string, string>> {
  const database = await openDatabase(factory, name);
  try {
    const names = [...database.objectStoreNames];
    const tx = database.transaction(names, 'readonly');
    const out: Record<string, string> = {};
    for (const storeName of names) {
      const store = tx.objectStore(storeName);
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      keys.forEach((key, index) => (out[`${storeName} ${describe(key)}`] = describe(values[index])));
    }
    await done(tx);
    return out;
  } finally {
    database.close();
  }
}

/**
 * Flips one bit of byte `at` (counted from the end when negative) of the loose object `oid` in
 * database `name`, in place: the store's next read of it meets corrupt bytes under a good id.
 */
export async function flipObjectByte(factory: IDBFactory, name: string, oid: string, at: number): Promise<void> {
  const database = await openDatabase(factory, name);
  try {
    const tx = database.transaction('objects', 'readwrite');
    const store = tx.objectStore('objects');
    const value: unknown = await request(store.get(oid));
    if (!(value instanceof Uint8Array)) throw new Error(`object ${oid} is not stored loose in ${name}`);
    const bytes = value.slice();
    const index = at < 0 ? bytes.length + at : at;
    bytes[index] = (bytes[index] as number) ^ 0x01;
    store.put(bytes, oid);
    await done(tx);
  } finally {
    database.close();
  }
}
