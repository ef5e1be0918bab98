// The cold-start bench's baseline: a bare page on the app's origin that reads the records of the
// app's repository straight from IndexedDB, the least any cold start of the app must do. It opens
// the app's database with `idb`, gets the record blobs' bytes from the `objects` store in one
// transaction (their ids come from a list the driver wrote beside the page, since finding them
// is the trees' job, which this baseline skips), strips each object's git header and JSON-parses
// the rest. Marks are `performance.now()`, i.e. ms since navigation start.
import { openDB } from 'idb';
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
  }
}

const decoder = new TextDecoder();

async function readRecords(): Promise<BareMarks> {
  const script = performance.now();
  const keys = (await (await fetch(RECORD_KEYS_FILE)).json()) as string[];
  const keysAt = performance.now();
  const database = await openDB('taskgit');
  const opened = performance.now();
  const tx = database.transaction('objects');
  const raws = (await Promise.all(keys.map((key) => tx.store.get(key)))) as Array<Uint8Array | undefined>;
  await tx.done;
  const read = performance.now();
  const records: unknown[] = [];
  for (const raw of raws) {
    if (!raw) throw new Error('a record blob is missing');
    records.push(JSON.parse(decoder.decode(raw.subarray(raw.indexOf(0) + 1))));
  }
  const parsed = performance.now();
  database.close();
  return { script, keys: keysAt, opened, read, parsed, records: records.length };
}

readRecords().then(
  (marks) => {
    window.coldStartBare = marks;
  },
  (error: unknown) => {
    window.coldStartBare = { error: String(error) };
  },
);
