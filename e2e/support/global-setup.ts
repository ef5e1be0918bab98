// Starts a Vite dev server on 127.0.0.1 (a port chosen at run time) that serves the store
// harness page, and hands its URL to the tests in `process.env.HARNESS_URL`.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer } from 'vite';

const HARNESS_ROOT = fileURLToPath(new URL('../harness/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Playwright global setup: returns the teardown that stops the server. */
export default async function globalSetup(): Promise<() => Promise<void>> {
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
    // Vite's "new dependencies optimized, reloading" and loses a test's page state.
    optimizeDeps: { entries: ['store.html'] },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo | null;
  if (!address) throw new Error('the harness server did not start listening');
  const url = `http://127.0.0.1:${address.port}/store.html`;
  await server.warmupRequest('/store.ts');
  process.env.HARNESS_URL = url;
  process.stderr.write(`store harness at ${url}\n`);
  return async () => {
    await server.close();
  };
}
