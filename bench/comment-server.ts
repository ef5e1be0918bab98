// The comment remote the comments bench measures, in a process of its own so its CPU can be read
// alone: `tsx bench/comment-server.ts <data dir>` prints `{"url": ...}`, then answers each `cpu`
// line on stdin with its CPU so far (its own, and its finished child processes', i.e. git's), each
// push answered since the last `cpu` (arrival to answer, and its timeline), and how late its event
// loop ran meanwhile (a loop busy with one push's work keeps the next push's request unread), and
// stops on `exit`. Loopback only, no rate limit (a crowd from one address is the point).
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { PushEvent } from '../server/comments/index.ts';
import { startGitRemote } from '../server/git-remote.ts';

const pushes: PushEvent[] = [];
const remote = await startGitRemote({ dataDir: process.argv[2] ?? '.data/bench-comments', comments: { repos: ['crowd.git', 'book.git'], onPush: (event) => pushes.push(event) } });
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
process.stdout.write(`${JSON.stringify({ url: remote.url })}\n`);

/** Own and reaped children's CPU, ms (utime, stime, cutime, cstime of /proc/self/stat, in 1/100 s). */
function cpu(): { ownMs: number; childrenMs: number } {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const tick = (field: number) => Number(fields[field - 3] ?? 0) * 10; // fields from the 3rd (state) on
  return { ownMs: tick(14) + tick(15), childrenMs: tick(16) + tick(17) };
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'cpu') {
    // The loop's lateness beyond the 5 ms sampling beat, ms.
    const late = (ns: number) => Math.max(0, ns / 1e6 - 5);
    const loop = { p50: late(loopDelay.percentile(50)), p99: late(loopDelay.percentile(99)), max: late(loopDelay.max) };
    loopDelay.reset();
    const answered = pushes.splice(0);
    process.stdout.write(`${JSON.stringify({ ...cpu(), pushMs: answered.map((push) => push.ms), timelines: answered.map((push) => push.timeline), loop })}\n`);
  }
  if (line === 'exit') break;
}
await remote.close();
process.exit(0);
