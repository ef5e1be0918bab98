// The comments bench page (bench/comments-run.ts drives it): a crowd of readers, each with a store
// of its own (holding the page's snapshot, read on arrival as the widget reads it), posting one
// comment each at the same moment through the widget's storage and publish code; and the first
// visit of the widget's first version, which pulled the whole repository.
import { pushOutbox, refreshPage } from '../../src/comments/publish/publish.ts';
import type { Comment } from '../../src/comments/record.ts';
import { CommentRepo, hashSecret, makeSecret } from '../../src/comments/storage/index.ts';
import { openRepo } from '../../src/store/index.ts';
import { sync } from '../../src/sync/index.ts';

/**
 * One reader's times, ms from the common start: comment committed in its store, push sent (its
 * outbox read and the request encoded), the remote's answer received (the comment is on main),
 * the answer recorded in the store (the widget shows it published), page snapshot refreshed.
 */
export interface ReaderTimes {
  committed: number;
  sent: number;
  answered: number;
  published: number;
  refreshed: number;
}

export interface CommentsBenchPage {
  /** `readers` readers arrive on this page: their stores opened, the page's snapshot read. */
  arrive(url: string, readers: number, runId: string): Promise<void>;
  /** The readers who arrived start posting at wall-clock time `startAt` (ms since the epoch); times are from it. */
  crowd(url: string, startAt: number): Promise<ReaderTimes[]>;
  /** The first version's first visit: pull everything, read the page's folder, paint its counts. Ms since navigation. */
  wholeRepositoryVisit(url: string, page: string): Promise<{ paintedAt: number; comments: number }>;
}

declare global {
  interface Window {
    commentsBench: CommentsBenchPage;
  }
}

function comment(page: string, author: string): Comment {
  return {
    id: crypto.randomUUID(),
    page,
    anchor: { kind: 'block', block: 'p-1', exact: 'The opening paragraph of the chapter, as a reader sees it.', prefix: '', suffix: ' The second paragraph', start: 0 },
    parent: null,
    author,
    body: `A comment from ${author}, posted with the crowd.`,
    created: new Date().toISOString(),
    secretHash: hashSecret(makeSecret()),
  };
}

/** The readers who arrived and have not posted yet. */
let arrived: CommentRepo[] = [];

window.commentsBench = {
  async arrive(url, readers, runId) {
    const repos = await Promise.all(Array.from({ length: readers }, (_, i) => CommentRepo.open({ remote: url, databaseName: `crowd-${runId}-${i}` })));
    // Each reader has the page open, as the widget has: its snapshot read on arrival.
    await Promise.all(repos.map((repo) => refreshPage(repo, url, 'chapter-1')));
    arrived.push(...repos);
  },

  async crowd(url, startAt) {
    const repos = arrived;
    arrived = [];
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const start = startAt - performance.timeOrigin;
    try {
      return await Promise.all(
        repos.map(async (repo, i) => {
          await repo.addComment(comment('chapter-1', `Reader ${i + 1}`));
          const committed = performance.now() - start;
          // The phases of the widget's own pushOutbox, seen from the store calls it makes.
          let sent = 0;
          let answered = 0;
          const listPending = repo.listPending.bind(repo);
          const recordOutcomes = repo.recordOutcomes.bind(repo);
          repo.listPending = async () => {
            const pending = await listPending();
            sent ||= performance.now() - start;
            return pending;
          };
          repo.recordOutcomes = (outcomes) => {
            answered ||= performance.now() - start;
            return recordOutcomes(outcomes);
          };
          await pushOutbox(repo, url);
          const published = performance.now() - start;
          if ((await repo.listPending()).length > 0) throw new Error(`reader ${i + 1}'s comment is still waiting`);
          await refreshPage(repo, url, 'chapter-1');
          return { committed, sent, answered, published, refreshed: performance.now() - start };
        }),
      );
    } finally {
      await Promise.all(repos.map((repo) => repo.close()));
    }
  },

  async wholeRepositoryVisit(url, page) {
    const repo = await openRepo({ name: `v1-${crypto.randomUUID()}` });
    const outcome = await sync(repo.git, { url });
    if (outcome.kind === 'failed') throw outcome.error;
    const files = await (await repo.branch()).getAll(`comments/${page}`);
    const counts = new Map<string, number>();
    for (const bytes of files.values()) {
      const block = (JSON.parse(new TextDecoder().decode(bytes)) as Comment).anchor;
      const key = block.kind === 'page' ? 'page' : (block.block ?? 'page');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    (document.getElementById('counts') as HTMLElement).textContent = [...counts].map(([block, count]) => `${block}: ${count}`).join(', ');
    const paintedAt = await new Promise<number>((resolve) => requestAnimationFrame((time) => resolve(time)));
    await repo.close();
    return { paintedAt, comments: files.size };
  },
};
(document.getElementById('status') as HTMLElement).textContent = 'ready';
