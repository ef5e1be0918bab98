// The content the sync bench writes on both sides (the page's store and native git):
// deterministic item ids from a seeded generator, the same JSON bytes, the same commit batches,
// messages, author and dates, so each side's commits are byte-identical and both have the same
// objects to send. Imported by bench/page (browser) and bench/run.ts (Node): no I/O here.

/** Who makes every bench commit, on every side (author and committer). */
export const BENCH_AUTHOR = { name: 'Taskgit Bench', email: 'bench@taskgit.invalid' } as const;

/** 2025-01-01T00:00:00Z, in seconds: bench commits are dated from here, one second apart. */
const EPOCH_SECONDS = Date.UTC(2025, 0, 1) / 1000;

/** The path of an item's file, sharded by the first two characters of its id. */
export function itemPath(id: string): string {
  return `items/${id.slice(0, 2)}/${id}.json`;
}

/** An item record as the app will store it: pretty-printed, sorted keys, about 200 bytes. */
export function itemJson(id: string, revision: number): string {
  const item = {
    context: '@computer',
    created: '2025-01-01T09:00:00.000Z',
    id,
    kind: 'action',
    revision,
    status: 'next',
    title: `Benchmark item, revision ${revision}`,
  };
  return `${JSON.stringify(item, null, 2)}\n`;
}

/** A small, fast, seeded 32-bit generator (sfc32), the same in Node and in the browser. */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next(); // mix the seed in
  return next;
}

/** `count` distinct version-4-shaped UUIDs drawn from `seed`. */
export function seededIds(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const hex = (value: number) => value.toString(16).padStart(8, '0');
  const ids = new Set<string>();
  while (ids.size < count) {
    const words = [next(), next(), next(), next()];
    words[1] = (((words[1] as number) & 0xffff0fff) | 0x4000) >>> 0; // version 4 (unsigned, or hex gets a minus sign)
    words[2] = (((words[2] as number) & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
    const text = words.map(hex).join('');
    ids.add(`${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`);
  }
  return [...ids];
}

/** One commit of the initial fill: `ids` added at revision 0. */
export interface FillBatch {
  ids: string[];
  message: string;
  /** Author and committer date, seconds since the epoch, UTC. */
  seconds: number;
}

/** The initial content as commits of `batch` items each. */
export function fillBatches(ids: readonly string[], batch: number): FillBatch[] {
  const batches: FillBatch[] = [];
  for (let start = 0; start < ids.length; start += batch) {
    const slice = ids.slice(start, start + batch);
    batches.push({
      ids: slice,
      message: `Add items ${start + 1} to ${start + slice.length}`,
      seconds: EPOCH_SECONDS + batches.length,
    });
  }
  return batches;
}

/** One single-item change: `id` rewritten at `revision`, as one commit. */
export interface ItemChange {
  id: string;
  revision: number;
  message: string;
  seconds: number;
}

/**
 * The `index`-th single-item change after the fill: a pseudo-random item (the same on every side),
 * a revision that never repeats, a date after every earlier change.
 */
export function itemChange(ids: readonly string[], index: number): ItemChange {
  const id = ids[seededRandom(index + 1)() % ids.length] as string;
  const revision = index + 1;
  return { id, revision, message: `Update item ${id} to revision ${revision}`, seconds: EPOCH_SECONDS + 1000 + index };
}
