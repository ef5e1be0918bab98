// Starts what the browser specs talk to, all on 127.0.0.1 at ports chosen at run time:
// - a Vite dev server for the harness page, its URL in `process.env.HARNESS_URL`;
// - the local git remote (the real `git http-backend`, bare repositories made on first use)
//   over a fresh temporary folder, its base URL in `process.env.GIT_REMOTE_URL`
//   (a repository is at `<GIT_REMOTE_URL><name>.git`); `<GIT_REMOTE_URL>comments.git` is a comment
//   remote (its pushes judged and folded by the server; a push limit too high to bite), its URL in
//   `process.env.COMMENTS_REMOTE_URL`;
// - the app, built with `vite build` into a temporary folder and served as `npm start` serves it
//   (the static server, `/config.json` naming `<GIT_REMOTE_URL>tasks.git` and the comment remote), its URL in
//   `process.env.APP_URL` (the build's folder in `APP_DIR`, for specs that serve a copy).
// Playwright hands the environment set here to every worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { buildApp } from '../../scripts/build-app.ts';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { startStaticServer, type StaticServer } from '../../server/static-server.ts';

const HARNESS_ROOT = fileURLToPath(new URL('../harness/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The comment remote's repository, served as `npm start` serves it. */
const COMMENTS_REPO = 'comments.git';

/** Playwright global setup: returns the teardown that stops both servers and removes the remote's folder. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  const teardown = async (): Promise<void> => {
    const results = await Promise.allSettled(stops.splice(0).reverse().map((stop) => stop()));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  };
  try {
    const vite = await startHarnessServer();
    stops.push(() => vite.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'taskgit-e2e-remote-'));
    stops.push(() => rm(dataDir, { recursive: true, force: true }));
    const remote: GitRemote = await startGitRemote({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      // The harness, the app and the pages specs serve themselves all sync with it, each from an
      // origin of its own chosen at run time (npm start's own remote takes its app's origin only).
      allowedOrigins: 'any',
      comments: { repos: [COMMENTS_REPO], rateLimit: { pushes: 10_000, perSeconds: 60 } },
    });
    stops.push(() => remote.close());
    process.env.GIT_REMOTE_URL = remote.url;
    process.env.COMMENTS_REMOTE_URL = `${remote.url}${COMMENTS_REPO}`;
    process.stderr.write(`git remote at ${remote.url} (repositories in ${dataDir}; ${COMMENTS_REPO} is a comment remote)\n`);
    const appDir = await mkdtemp(join(tmpdir(), 'taskgit-e2e-app-'));
    stops.push(() => rm(appDir, { recursive: true, force: true }));
    const app = await startAppServer(appDir, { defaultRemote: `${remote.url}tasks.git`, commentsRemote: process.env.COMMENTS_REMOTE_URL });
    stops.push(() => app.close());
  } catch (error) {
    await teardown().catch(() => undefined); // the setup error is the one worth seeing
    throw error;
  }
  return teardown;
}

/** The Vite dev server of the harness page; sets `HARNESS_URL`. */
async function startHarnessServer(): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root: HARNESS_ROOT,
    // A cache of its own, so a running `npm run dev` and the tests never share pre-bundled deps.
    cacheDir: join(REPO_ROOT, 'node_modules', '.vite-e2e'),
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      hmr: false,
      fs: { allow: [REPO_ROOT] },
    },
    // Pre-bundle the store's dependencies at start-up, so a first page load never triggers
    // Vite's "new dependencies optimized, reloading" and loses a test's page state. The scan
    // follows the harness's lazy `import()` of sync too.
    optimizeDeps: { entries: ['store.html'] },
  });
  try {
    await server.listen();
    const address = server.httpServer?.address() as AddressInfo | null;
    if (!address) throw new Error('the harness server did not start listening');
    const url = `http://127.0.0.1:${address.port}/store.html`;
    await server.warmupRequest('/store.ts');
    process.env.HARNESS_URL = url;
    process.stderr.write(`store harness at ${url}\n`);
    return server;
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Builds the app (service worker included) into `outDir` and serves it as `npm start` does;
 * sets `APP_URL`.
 */
async function startAppServer(outDir: string, config: { defaultRemote: string; commentsRemote: string }): Promise<StaticServer> {
  await buildApp(outDir);
  const server = await startStaticServer({ root: outDir, port: 0, documents: { '/config.json': config } });
  process.env.APP_URL = server.url;
  process.env.APP_DIR = outDir;
  process.stderr.write(`app (built into ${outDir}) at ${server.url}\n`);
  return server;
}
