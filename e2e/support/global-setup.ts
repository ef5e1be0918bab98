// Starts what the browser specs talk to, all on 127.0.0.1 at ports chosen at run time:
// - a Vite dev server for the harness page, its URL in `process.env.HARNESS_URL`;
// - the local git remote (the real `git http-backend`, bare repositories made on first use)
//   over a fresh temporary folder, its base URL in `process.env.GIT_REMOTE_URL`
//   (a repository is at `<GIT_REMOTE_URL><name>.git`).
// Playwright hands the environment set here to every worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';

const HARNESS_ROOT = fileURLToPath(new URL('../harness/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
    const remote: GitRemote = await startGitRemote({ dataDir, port: 0, host: '127.0.0.1' });
    stops.push(() => remote.close());
    process.env.GIT_REMOTE_URL = remote.url;
    process.stderr.write(`git remote at ${remote.url} (repositories in ${dataDir})\n`);
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
