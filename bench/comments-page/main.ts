// The comments bench page (bench/comments-run.ts drives it): a crowd of readers, each with a store
// of its own (holding the page's snapshot, read on arrival as the widget reads it), posting one
// comment each at the same moment through the widget's storage, publisher and publish code; and the first
// visit of the widget's first version, which pulled the whole repository.
import { refreshPage } from '../../src/comments/publish/publish.ts';
import { commentFilePath, type Comment } from '../../src/comments/record.ts';
import { CommentRepo, hashSecret, makeSecret } from '../../src/comments/storage/index.ts';
import { Publisher } from '../../src/comments/widget/publisher.ts';
import { openRepo } from '../../src/store/index.ts';
import { sync } from '../../src/sync/index.ts';

/**
 * One reader's times, ms from the common start: comment committed in its store, push sent (its
 * outbox read and the request encoded), the remote's answer received (the comment is on main),
 * the comment shown published (what the widget draws from: the store's page, read when the store
 * says something changed, says so), page snapshot refreshed and the outbox settled.
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

async function comment(page: string, author: string): Promise<Comment> {
  return {
    id: crypto.randomUUID(),
    page,
    anchor: { kind: 'block', block: 'p-1', exact: 'The opening paragraph of the chapter, as a reader sees it.', prefix: '', suffix: ' The second paragraph', start: 0 },
    parent: null,
    author,
    body: `A comment from ${author}, posted with the crowd.`,
    created: new Date().toISOString(),
    secretHash: await hashSecret(makeSecret()),
  };
}

/** A reader who arrived: their store, watched as the widget watches it from the page's load. */
interface Reader {
  repo: CommentRepo;
  /** Resolves with the time the reader's store first reads `path` as published, from a change it reports. */
  shown(path: string, start: number): Promise<number>;
  stop(): void;
}

/** Opens a reader's store, reads the page's snapshot, and watches the store as the widget does. */
async function arriveOne(url: string, databaseName: string): Promise<Reader> {
  const repo = await CommentRepo.open({ remote: url, databaseName });
  await refreshPage(repo, url, 'chapter-1');
  let waiting: { path: string; start: number; resolve: (ms: number) => void } | undefined;
  // As the widget does: on every change the store reports, read the page (and what waits) again
  // and draw it; here, note when the reader's comment first reads as published.
  const listPending = repo.listPending.bind(repo);
  const stop = await repo.watch('chapter-1', () => {
    void Promise.all([repo.readPage('chapter-1'), listPending()]).then(([page]) => {
      if (waiting && page.published.has(waiting.path)) {
        waiting.resolve(performance.now() - waiting.start);
        waiting = undefined;
      }
    });
  });
  return {
    repo,
    shown: (path, start) => new Promise((resolve) => (waiting = { path, start, resolve })),
    stop,
  };
}

/** The readers who arrived and have not posted yet. */
let arrived: Reader[] = [];

window.commentsBench = {
  async arrive(url, readers, runId) {
    arrived.push(...(await Promise.all(Array.from({ length: readers }, (_, i) => arriveOne(url, `crowd-${runId}-${i}`)))));
  },

  async crowd(url, startAt) {
    const readers = arrived;
    arrived = [];
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const start = startAt - performance.timeOrigin;
    try {
      return await Promise.all(
        readers.map(async ({ repo, shown }, i) => {
          const record = await comment('chapter-1', `Reader ${i + 1}`);
          const published = shown(commentFilePath(record.page, record.id), start);
          await repo.addComment(record);
          const committed = performance.now() - start;
          // The phases of the widget's own publish, seen from the store calls it makes (a push
          // lists what waits, then records the remote's answer).
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
          // The widget's own scheduler: a push now, the page's snapshot a little later.
          let failure = '';
          const publisher = new Publisher({ comments: repo, url, page: 'chapter-1', onChange: (state) => void (failure ||= state.failure ? JSON.stringify(state.failure) : '') });
          publisher.request();
          await publisher.idle();
          publisher.stop();
          if (failure) throw new Error(`reader ${i + 1}'s publisher failed: ${failure}`);
          const refreshed = performance.now() - start;
          if ((await listPending()).length > 0) throw new Error(`reader ${i + 1}'s comment is still waiting`);
          return { committed, sent, answered, published: await published, refreshed };
        }),
      );
    } finally {
      readers.forEach((reader) => reader.stop());
      await Promise.all(readers.map((reader) => reader.repo.close()));
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
