// The comment remote's page snapshot rebuild after one new comment, as the server runs it after
// each change (server/comments/page-snapshot.ts: the pack built, its file and index written), on
// pages of 100 and 1,000 comments: median of 30 rebuilds, each after one comment folded into
// `main` (not timed). A real bare repository in a temporary folder, the server's own fold and
// object store; no HTTP, no browser.
// Usage: flock /work/team/bench.lock npx tsx bench/snapshot-rebuild.ts [-- --sizes 100,1000 --runs 30]
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sha1 } from '@noble/hashes/legacy.js';
import { createFold } from '../server/comments/fold.ts';
import type { SubmittedFile } from '../server/comments/judge-push.ts';
import { createPageSnapshots } from '../server/comments/page-snapshot.ts';
import { objectId, openRepoObjects } from '../server/comments/repo-objects.ts';
import { commentFilePath, encodeCommentFile, type Comment } from '../src/comments/record.ts';
import { round, spread } from './stats.ts';

const PAGE = 'chapter-3';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : (process.argv[at + 1] ?? fallback);
}

/** A comment file as the fold receives it from a judged push. */
function submittedComment(index: number): SubmittedFile {
  const comment: Comment = {
    id: randomUUID(),
    page: PAGE,
    anchor: { kind: 'block', block: `p-${index % 50}` },
    parent: null,
    author: `Reader ${index}`,
    body: `Comment number ${index}: a sentence or two of the length readers write, about the paragraph it sits under.`,
    created: new Date(Date.UTC(2026, 11, 1) + index * 1000).toISOString(),
    secretHash: 'a'.repeat(64),
  };
  const bytes = encodeCommentFile(comment);
  return { path: commentFilePath(PAGE, comment.id), page: PAGE, name: `${comment.id}.json`, kind: 'comment', oid: objectId('blob', bytes), bytes };
}

/** Median time of `work` over `runs` calls, after three to warm up. */
function timed(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs + 3; run++) {
    const start = performance.now();
    work();
    if (run >= 3) times.push(performance.now() - start);
  }
  return spread(times).median;
}

/** The rebuild times, and the page's last pack (whose checksum is timed apart). */
async function measure(size: number, runs: number): Promise<{ times: number[]; pack: Uint8Array }> {
  const dir = await mkdtemp(join(tmpdir(), 'snapshot-bench-'));
  const gitDir = join(dir, 'book.git');
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', gitDir]);
  const objects = openRepoObjects(gitDir);
  const fold = createFold(gitDir, objects, () => undefined);
  const snapshots = createPageSnapshots(fold, objects, gitDir, (error) => {
    throw error;
  });
  try {
    let made = 0;
    const outcomes = await Promise.all(Array.from({ length: size }, () => fold.submit([submittedComment(made++)])));
    if (outcomes.some((outcome) => !outcome.ok)) throw new Error('a seed comment was refused');
    await snapshots.update([PAGE]); // the page as the server holds it before the change
    const times: number[] = [];
    for (let run = 0; run < runs + 3; run++) {
      const outcome = await fold.submit([submittedComment(made++)]);
      if (!outcome.ok) throw new Error(outcome.reason);
      const start = performance.now();
      await snapshots.update([PAGE]);
      if (run >= 3) times.push(performance.now() - start); // the first three warm the JIT
    }
    return { times, pack: await readFile(join(gitDir, 'pages', `${PAGE}.pack`)) };
  } finally {
    await snapshots.close();
    await fold.close();
    objects.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const sizes = option('sizes', '100,1000').split(',').map(Number);
const runs = Number(option('runs', '30'));
for (const size of sizes) {
  const { times, pack } = await measure(size, runs);
  const { median, p90 } = spread(times);
  // The pack's trailing checksum alone, over the same bytes, by each SHA-1.
  const body = pack.subarray(0, pack.length - 20);
  const javascript = timed(runs, () => void sha1(body));
  const node = timed(runs, () => void createHash('sha1').update(body).digest());
  process.stdout.write(
    `page of ${size} comments (pack ${round(pack.length / 1024, 1)} KB), rebuild after one new comment: median ${round(median)} ms, p90 ${round(p90)} ms (${runs} runs); ` +
      `its checksum alone: JavaScript SHA-1 ${round(javascript)} ms, node:crypto ${round(node)} ms\n`,
  );
}
