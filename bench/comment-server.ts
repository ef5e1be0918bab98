// The comment remote the comments bench measures, in a process of its own so its CPU can be read
// alone: `tsx bench/comment-server.ts <data dir>` prints `{"url": ...}`, then answers each `cpu`
// line on stdin with its CPU so far (its own, and its finished child processes', i.e. git's) and
// how long each push since the last `cpu` took from arrival to answer, and
// stops on `exit`. Loopback only, no rate limit (a crowd from one address is the point).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { startGitRemote } from '../server/git-remote.ts';

const pushes: number[] = [];
const remote = await startGitRemote({ dataDir: process.argv[2] ?? '.data/bench-comments', comments: { repos: ['crowd.git', 'book.git'], onPush: (event) => pushes.push(event.ms) } });
process.stdout.write(`${JSON.stringify({ url: remote.url })}\n`);

/** Own and reaped children's CPU, ms (utime, stime, cutime, cstime of /proc/self/stat, in 1/100 s). */
function cpu(): { ownMs: number; childrenMs: number } {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const tick = (field: number) => Number(fields[field - 3] ?? 0) * 10; // fields from the 3rd (state) on
  return { ownMs: tick(14) + tick(15), childrenMs: tick(16) + tick(17) };
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'cpu') process.stdout.write(`${JSON.stringify({ ...cpu(), pushMs: pushes.splice(0) })}\n`);
  if (line === 'exit') break;
}
await remote.close();
process.exit(0);
