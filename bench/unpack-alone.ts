// The unpack worker's code alone, in Chromium: a first sync's recorded upload-pack answer (git
// upload-pack of a generated book-like repository, bench/realistic-repo.ts) fed in 64 KB pieces to
// a fresh unpack worker for each sample, runs given back at once as the run store worker does.
// Prints each sample's wall time and the CPU of the renderer (the worker's thread, V8's compiler
// and GC threads, the page posting the pieces): a measure of the worker's code, steadier than a
// whole first sync, which the network, IndexedDB and the git server share the machine with.
//   npx tsx bench/unpack-alone.ts              (book-500, 3 browsers x 8 samples after a first)
//   UNPACK_REPO=book-2500 UNPACK_BROWSERS=2 UNPACK_SAMPLES=5 npx tsx bench/unpack-alone.ts
// UNPACK_THREADS=1 also prints each sample's busiest renderer threads (CPU in ms and fresh pages, from /proc);
// UNPACK_JS_FLAGS='--trace-opt --trace-deopt' launches Chromium with those V8 flags (their output
// goes to the browser's stdout: run with DEBUG=pw:browser to see it); UNPACK_TRACE=<file> writes a
// Chromium trace of each browser's last sample, with V8's sampling profiler (every thread's tasks,
// the worker's functions).
// The page is built as the app is, minified (bench/page-build.ts); BENCH_UNMINIFIED=1 builds it
// unminified, so a trace names the worker's functions (its figures then include a slower start).
// Compare two versions by running it alternately in their worktrees, under the bench lock.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { startStaticServer } from '../server/static-server.ts';
import { makeTempDir, removeTempDir } from '../test/support/git-cli.ts';
import { benchPageBuild, UNMINIFIED } from './page-build.ts';
import { descendantsCpuMs, cpuSince } from './process-cpu.ts';
import { realisticRepo, REALISTIC_PLANS } from './realistic-repo.ts';
import { describeThreads, launchedBrowserPid, sampleThreadCpu } from './renderer-memory.ts';
import { round, series } from './stats.ts';
import type { Oid } from '../src/store/index.ts';
import type { TimedUnpack } from './unpack-page/main.ts';

const PAGE_ROOT = new URL('./unpack-page/', import.meta.url).pathname;
const PIECE_BYTES = 64 * 1024;

function progress(message: string): void {
  process.stderr.write(`[unpack-alone] ${message}\n`);
}

/** A pkt-line of `text`. */
function pktLine(text: string): string {
  return `${(text.length + 4).toString(16).padStart(4, '0')}${text}`;
}

/** What `git clone` is sent by upload-pack for the whole history of `head`, answered by git itself. */
function uploadPackAnswer(repoDir: string, head: string): Buffer {
  const request = `${pktLine(`want ${head} multi_ack_detailed side-band-64k ofs-delta agent=taskgit-bench\n`)}0000${pktLine('done\n')}`;
  return execFileSync('git', ['upload-pack', '--stateless-rpc', repoDir], { input: request, maxBuffer: 1 << 30 });
}

const plan = REALISTIC_PLANS.find(({ name }) => name === (process.env.UNPACK_REPO ?? 'book-500'));
if (!plan) throw new Error(`UNPACK_REPO names none of ${REALISTIC_PLANS.map(({ name }) => name).join(', ')}`);
const browsers = Number(process.env.UNPACK_BROWSERS ?? 3);
const samples = Number(process.env.UNPACK_SAMPLES ?? 8);
const dist = makeTempDir('unpack-alone');
try {
  const repo = await realisticRepo(plan, progress);
  const head = repo.head;
  progress(`building bench/unpack-page${UNMINIFIED ? ' (unminified: BENCH_UNMINIFIED=1)' : ''}`);
  await build(benchPageBuild(PAGE_ROOT, dist));
  writeFileSync(join(dist, 'answer.bin'), uploadPackAnswer(repo.dir, head));
  const server = await startStaticServer({ root: dist, port: 0, spaFallback: false, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
  const ms: number[] = [];
  const cpu: number[] = [];
  try {
    for (let b = 0; b < browsers; b++) {
      const launch = chromiumLaunchOptions();
      if (process.env.UNPACK_JS_FLAGS) launch.args = [...(launch.args ?? []), `--js-flags=${process.env.UNPACK_JS_FLAGS}`];
      const browser = await chromium.launch(launch);
      const pid = launchedBrowserPid();
      try {
        const page = await browser.newPage();
        await page.goto(new URL('index.html', server.url).href);
        await page.locator('#status', { hasText: 'ready' }).waitFor();
        const line: string[] = [];
        // The first sample of each browser also loads the answer into the page: not counted.
        for (let s = 0; s <= samples; s++) {
          const before = pid === undefined ? undefined : descendantsCpuMs(pid, undefined);
          const threads = process.env.UNPACK_THREADS ? sampleThreadCpu(pid) : undefined;
          const trace = process.env.UNPACK_TRACE && s === samples ? process.env.UNPACK_TRACE : undefined;
          if (trace) await browser.startTracing(page, { path: trace, categories: ['v8', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.cpu_profiler.hires', 'disabled-by-default-v8.gc', 'toplevel'] });
          const timed: TimedUnpack = await page.evaluate((args) => window.unpackBench.unpack(args.url, args.want as Oid, args.piece), { url: 'answer.bin', want: head, piece: PIECE_BYTES });
          // V8's compiles and GC for this worker finish on other threads just after it ends.
          await new Promise((resolve) => setTimeout(resolve, 150));
          if (trace) await browser.stopTracing();
          const renderer = before && pid !== undefined ? (cpuSince(before, descendantsCpuMs(pid, undefined)).byKind.renderer ?? 0) : 0;
          const busiest = threads?.().filter(({ thread }) => thread.startsWith('renderer')).slice(0, 6);
          if (busiest) progress(`sample ${s}: ${describeThreads(busiest)}`);
          if (s > 0) {
            ms.push(timed.ms);
            cpu.push(renderer);
          }
          line.push(`${round(timed.ms, 0)}/${renderer}`);
        }
        progress(`browser ${b + 1}: ms/renderer CPU ms per unpack ${line.join(' ')} (first not counted)`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const wall = series(ms, 0);
  const renderer = series(cpu, 0);
  console.log(`unpack alone, ${plan.name} (${round(repo.packBytes / 1e6, 1)} MB pack), ${ms.length} fresh workers: wall median ${wall.median} ms; renderer CPU median ${renderer.median} ms, mean ${round(cpu.reduce((a, b) => a + b, 0) / cpu.length, 0)} ms`);
} finally {
  removeTempDir(dist);
}
