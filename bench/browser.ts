// The Chromium the benches drive: a throw-away profile on disk (every commit really reaches the
// disk), or an ordinary in-memory context with --memory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { launchedBrowserPid } from './renderer-memory.ts';

/** An open browser context and how to close it (and remove its profile). */
export interface BenchContext {
  context: BrowserContext;
  version: string;
  /** The browser's process id, for sampling its renderers' memory (bench/renderer-memory.ts). */
  pid: number | undefined;
  close(): Promise<void>;
}

/** Opens a context with `options`, on disk unless `inMemory`. */
export async function openBenchContext(inMemory: boolean, options: BrowserContextOptions): Promise<BenchContext> {
  const launch = chromiumLaunchOptions();
  if (inMemory) {
    const browser = await chromium.launch(launch);
    const context = await browser.newContext(options);
    return { context, version: browser.version(), pid: launchedBrowserPid(), close: () => browser.close() };
  }
  const profile = await mkdtemp(join(tmpdir(), 'taskgit-bench-'));
  const context = await chromium.launchPersistentContext(profile, { ...launch, ...options });
  return {
    context,
    version: context.browser()?.version() ?? 'unknown',
    pid: launchedBrowserPid(),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
