// The cold-start bench's baseline: a bare page on the app's origin that reads the records of the
// app's repository straight from IndexedDB, the least any cold start of the app must do. It opens
// the app's database with `idb`, gets the record blobs' bytes in one transaction (their ids come
// from a list the driver wrote beside the page, since finding them is the trees' job, which this
// baseline skips), strips each object's git header and JSON-parses the rest. Blobs are where the
// store keeps them: loose in `objects`, or inside the chunks of a batch (a commit of 64 objects or
// more; src/store/backend/object-batch.ts), found through the batch indexes. Marks are
// `performance.now()`, i.e. ms since navigation start.
import { openDB, type IDBPDatabase } from 'idb';
import { RECORD_KEYS_FILE } from '../cold-start-fixture.ts';

/** When each step ended, in ms since navigation start. */
export interface BareMarks {
  /** Module evaluated: the page's HTML and script have loaded. */
  script: number;
  /** The list of blob ids fetched and parsed. */
  keys: number;
  /** The database open. */
  opened: number;
  /** Every blob's bytes read, in one readonly transaction. */
  read: number;
  /** Every record decoded and parsed: the end. */
  parsed: number;
  records: number;
}

declare global {
  interface Window {
    coldStartBare?: BareMarks | { error: string };
    /** The parsed records, kept as an app keeps its snapshot, so heaps after a load compare. */
    coldStartBareRecords?: unknown[];
  }
}

const decoder = new TextDecoder();

async function readRecords(): Promise<BareMarks> {
  const script = performance.now();
  const keys = (await (await fetch(RECORD_KEYS_FILE)).json()) as string[];
  const keysAt = performance.now();
  const database = await openDB('taskgit');
  const opened = performance.now();
  const raws = await readObjects(database, keys);
  const read = performance.now();
  const records: unknown[] = [];
  for (const raw of raws) {
    if (!raw) throw new Error('a record blob is missing');
    records.push(JSON.parse(decoder.decode(raw.subarray(raw.indexOf(0) + 1))));
  }
  const parsed = performance.now();
  window.coldStartBareRecords = records;
  database.close();
  return { script, keys: keysAt, opened, read, parsed, records: records.length };
}

/** The stored bytes of each id, loose or batched, read in one transaction. */
async function readObjects(database: IDBPDatabase, keys: readonly string[]): Promise<Array<Uint8Array | undefined>> {
  const tx = database.transaction(['objects', 'batches', 'chunks']);
  const [loose, indexes, batchKeys] = await Promise.all([
    Promise.all(keys.map((key) => tx.objectStore('objects').get(key) as Promise<Uint8Array | undefined>)),
    tx.objectStore('batches').getAll() as Promise<Array<{ oids: string; locations: Uint32Array }>>,
    tx.objectStore('batches').getAllKeys() as Promise<number[]>,
  ]);
  const located = new Map<string, { chunk: [number, number]; offset: number; length: number }>();
  indexes.forEach(({ oids, locations }, b) => {
    for (let i = 0; i < oids.length / 40; i++) {
      located.set(oids.slice(i * 40, i * 40 + 40), {
        chunk: [batchKeys[b] as number, locations[i * 3] as number],
        offset: locations[i * 3 + 1] as number,
        length: locations[i * 3 + 2] as number,
      });
    }
  });
  const chunks = new Map<string, Promise<Uint8Array | undefined>>();
  const raws = await Promise.all(
    keys.map(async (key, i) => {
      const at = loose[i] === undefined ? located.get(key) : undefined;
      if (!at) return loose[i];
      const chunkKey = at.chunk.join('/');
      if (!chunks.has(chunkKey)) chunks.set(chunkKey, tx.objectStore('chunks').get(at.chunk) as Promise<Uint8Array | undefined>);
      return (await chunks.get(chunkKey))?.subarray(at.offset, at.offset + at.length);
    }),
  );
  await tx.done;
  return raws;
}

readRecords().then(
  (marks) => {
    window.coldStartBare = marks;
  },
  (error: unknown) => {
    window.coldStartBare = { error: String(error) };
  },
);
