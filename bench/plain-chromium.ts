// A Chromium the bench launches itself, with no DevTools attached, to time what a person's browser
// does. Playwright drives its browser over DevTools, and an attached DevTools is not free: it
// enables the network agent in every worker, which keeps a copy of each response body and encodes
// it when the body ends (~20 ms of the reading worker's thread and ~30 ms of Chromium's CPU per
// 9 MB answer, measured in README "First sync of a real repository"). Here the bench page is
// opened with `?channel=<url>` and asks a loopback server of ours for its jobs
// (bench/page/channel.ts). Same binary and the same switches as Playwright's launch, less its pipe.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../e2e/support/chromium.ts';
import { baseUrl, closeServer, listen } from '../server/listen.ts';
import type { ChannelJob, ChannelResult } from './page/channel.ts';
import type { TimedFirstSync } from './page/first-sync.ts';

/** Playwright's own switches for a headless Chromium (as it launched 150 here), less `--remote-debugging-pipe`. */
const PLAYWRIGHT_SWITCHES = [
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--disable-infobars',
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
];

/** How long the page may take to load and ask for its first job. */
const READY_TIMEOUT_MS = 60_000;

/** A Chromium without DevTools, its bench page waiting for jobs. */
export interface PlainChromium {
  /** The browser's process id, for its CPU and its renderers' memory (bench/renderer-memory.ts). */
  readonly pid: number;
  /** Runs `window.bench.firstSync(name, url)` in the page. */
  firstSync(name: string, url: string): Promise<TimedFirstSync>;
  close(): Promise<void>;
}

/** Opens `pageUrl` (the bench page's index.html) in a Chromium of its own, with a profile on disk. */
export async function openPlainChromium(pageUrl: string): Promise<PlainChromium> {
  const origin = new URL(pageUrl).origin;
  let parked: ServerResponse | undefined;
  const queued: ChannelJob[] = [];
  let answer: ((result: ChannelResult) => void) | undefined;
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));

  const send = (response: ServerResponse, job: ChannelJob): void => {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(job));
  };
  // The page's only peer: GET next (held until there is a job) and POST result, from the page's origin.
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (request.headers.origin !== origin) return void response.writeHead(403).end('only the bench page\n');
    if (request.method === 'GET' && request.url === '/next') {
      ready();
      const job = queued.shift();
      if (job) send(response, job);
      else parked = response;
      return;
    }
    if (request.method === 'POST' && request.url === '/result') {
      void text(request).then((body) => {
        response.writeHead(204).end();
        answer?.(JSON.parse(body) as ChannelResult);
      });
      return;
    }
    response.writeHead(404).end('not a bench channel route\n');
  });
  const channel = baseUrl('127.0.0.1', await listen(server, 0, '127.0.0.1'));
  const post = (job: ChannelJob): void => {
    if (parked) send(parked, job);
    else queued.push(job);
    parked = undefined;
  };

  const profile = await mkdtemp(join(tmpdir(), 'taskgit-bench-plain-'));
  const executable = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : chromium.executablePath();
  const url = `${pageUrl}?channel=${encodeURIComponent(channel)}`;
  const child = spawn(executable, [...PLAYWRIGHT_SWITCHES, ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, url], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (part: Buffer) => (stderr = (stderr + part.toString('utf8')).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited;
    await closeServer(server);
    // Chromium's helper processes may still be writing into the profile as its main one exits.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };

  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the bench page did not ask for a job within ${READY_TIMEOUT_MS / 1000} s; Chromium said: ${stderr}`)), READY_TIMEOUT_MS);
    void exited.then(() => reject(new Error(`Chromium exited before the bench page was ready; it said: ${stderr}`)));
    child.once('error', reject);
  });
  failed.catch(() => {}); // once ready, Chromium's exit at close is no failure
  try {
    await Promise.race([readyPromise, failed]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (child.pid === undefined) throw new Error('Chromium started without a process id');

  return {
    pid: child.pid,
    async firstSync(name, syncUrl) {
      const result = await new Promise<ChannelResult>((resolve) => {
        answer = resolve;
        post({ kind: 'first-sync', name, url: syncUrl });
      });
      if (!result.ok) throw new Error(`first sync in the page failed: ${result.message}`);
      return result.value as TimedFirstSync;
    },
    async close() {
      post({ kind: 'stop' });
      await stop();
    },
  };
}
