// The server half of `npm run bench`: what the production server (server/site.ts with accounts)
// costs a git client over git's own `git http-backend` behind a Node server that does nothing
// else. The git CLI fetches and pushes one new commit at a time through each, alternating which
// goes first; both hold the same history. Ours checks Host and Origin, the device token (a file
// stat and a SHA-256), runs the push-policy hook on each push, and logs each request; the
// baseline runs the backend and nothing else. Credentials are sent up front (`http.extraHeader`),
// as the app sends them, so no 401 round trip is counted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { addRepo, DeviceTokens, dataFolder } from '../server/accounts/index.ts';
import { backendEnv } from '../server/backend-env.ts';
import { gitExecPath } from '../server/git-exec-path.ts';
import { runCgi } from '../server/run-cgi.ts';
import { startSite } from '../server/site.ts';
import { gitAsync, makeTempDir, removeTempDir } from '../test/support/git-cli.ts';
import { median, round, series, type Series } from './stats.ts';

/** Timed fetches and pushes through each server, after untimed ones. */
const SERVER_PLAN = { samples: 40, warmup: 3, goal: { fetch: 1.15, push: 1.3 } } as const;

/** One measure: ours against the bare backend. */
export interface ServerFigure {
  ours: Series;
  raw: Series;
  /**
   * The median of the rounds' ratios (ours / raw, each round timing both sides back to back), so
   * load that comes and goes on a shared machine hits both sides of a ratio alike.
   */
  ratio: number;
  goal: number;
  met: boolean;
}

/** The `server` section of the report. */
export interface ServerReport {
  samples: number;
  /** `git fetch` of one new commit. */
  fetch: ServerFigure;
  /** `git push` of one new commit. */
  push: ServerFigure;
}

/** The baseline: `git http-backend` behind a Node server that only runs it. */
async function startRawBackend(dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const backend = join(await gitExecPath(), 'git-http-backend');
  const config = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.receivepack', GIT_CONFIG_VALUE_0: 'true' };
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const env = backendEnv(request, { dataDir, pathInfo: queryAt < 0 ? url : url.slice(0, queryAt), query: queryAt < 0 ? '' : url.slice(queryAt + 1), config });
    runCgi({ command: backend, env, request, response }).catch(() => response.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function figure(ours: number[], raw: number[], goal: number): ServerFigure {
  const ratio = round(median(ours.map((value, i) => value / (raw[i] as number))), 2);
  return { ours: series(ours, 1), raw: series(raw, 1), ratio, goal, met: ratio <= goal };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Runs the server bench. */
export async function runServerBench(progress: (message: string) => void): Promise<ServerReport> {
  const root = makeTempDir('bench-server');
  const data = join(root, 'data');
  await addRepo(data, 'alice', 'bench');
  const { token } = await new DeviceTokens(dataFolder(data).tokens).add('alice', 'bench');
  const site = await startSite({ port: 0, repos: { kind: 'accounts', dataDir: data }, wayThrough: false, log: () => undefined });
  const rawDir = join(root, 'raw');
  await gitAsync(['init', '--quiet', '--bare', '-b', 'main', join(rawDir, 'alice', 'bench.git')]);
  const raw = await startRawBackend(rawDir);
  try {
    const auth = ['-c', `http.extraHeader=Authorization: Basic ${Buffer.from(`alice:${token}`).toString('base64')}`];
    const sides = [
      { name: 'ours', url: `${site.url}alice/bench.git`, push: [] as number[], fetch: [] as number[] },
      { name: 'raw', url: `${raw.url}alice/bench.git`, push: [] as number[], fetch: [] as number[] },
    ];
    for (const side of sides) {
      const pusher = join(root, `${side.name}-pusher`);
      await gitAsync(['init', '--quiet', '-b', 'main', pusher]);
      await gitAsync(['commit', '--quiet', '--allow-empty', '-m', 'Start'], { cwd: pusher });
      await gitAsync([...auth, 'push', '--quiet', side.url, 'HEAD:refs/heads/main'], { cwd: pusher });
      await gitAsync([...auth, 'clone', '--quiet', side.url, join(root, `${side.name}-fetcher`)]);
    }
    progress(`server: ${SERVER_PLAN.samples} pushes and fetches of one commit through each of ${site.url} and ${raw.url}`);
    for (let round = 0; round < SERVER_PLAN.warmup + SERVER_PLAN.samples; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const pusher = join(root, `${side.name}-pusher`);
        await gitAsync(['commit', '--quiet', '--allow-empty', '-m', `Change ${round}`], { cwd: pusher });
        const pushMs = await timed(() => gitAsync([...auth, 'push', '--quiet', side.url, 'HEAD:refs/heads/main'], { cwd: pusher }));
        const fetchMs = await timed(() => gitAsync([...auth, 'fetch', '--quiet', 'origin'], { cwd: join(root, `${side.name}-fetcher`) }));
        if (round >= SERVER_PLAN.warmup) {
          side.push.push(pushMs);
          side.fetch.push(fetchMs);
        }
      }
    }
    const [ours, bare] = sides as [(typeof sides)[0], (typeof sides)[0]];
    const report = { samples: SERVER_PLAN.samples, fetch: figure(ours.fetch, bare.fetch, SERVER_PLAN.goal.fetch), push: figure(ours.push, bare.push, SERVER_PLAN.goal.push) };
    progress(`server: fetch ${report.fetch.ours.median} ms vs ${report.fetch.raw.median} ms raw; push ${report.push.ours.median} ms vs ${report.push.raw.median} ms raw`);
    return report;
  } finally {
    await site.close(0);
    await raw.close();
    removeTempDir(root);
  }
}
