import { CommitQueue } from './commit-queue.ts';
import type { CommitData } from './objects/index.ts';
import type { ObjectSource } from './object-store.ts';
import type { Oid } from './oid.ts';
import type { Commit } from './types.ts';

/** The public shape of a decoded commit. */
export function toCommit(id: Oid, data: CommitData): Commit {
  return {
    id,
    tree: data.tree,
    parents: [...data.parents],
    // Git ends messages with a newline; hand back the text as it was given.
    message: data.message.endsWith('\n') ? data.message.slice(0, -1) : data.message,
    author: { name: data.author.name, email: data.author.email },
    date: new Date(data.author.timestamp * 1000),
  };
}

/** Commits reachable from `head`, newest first (by commit time, as `git log` orders them). */
export async function readHistory(
  source: ObjectSource,
  head: Oid | undefined,
  options: { limit?: number; skip?: number } = {},
): Promise<Commit[]> {
  const limit = options.limit ?? Infinity;
  let skip = options.skip ?? 0;
  const out: Commit[] = [];
  if (head === undefined || limit <= 0) return out;
  const seen = new Set<Oid>([head]);
  const queue = new CommitQueue();
  queue.push({ oid: head, time: (await source.readCommit(head)).committer.timestamp });
  while (queue.size > 0 && out.length < limit) {
    const { oid } = queue.pop() as { oid: Oid };
    const data = await source.readCommit(oid);
    if (skip > 0) skip--;
    else out.push(toCommit(oid, data));
    for (const parent of data.parents) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      queue.push({ oid: parent, time: (await source.readCommit(parent)).committer.timestamp });
    }
  }
  return out;
}
