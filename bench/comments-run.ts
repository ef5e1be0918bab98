// `npm run bench:comments [-- --readers N]`: the comment remote under a crowd, and a first visit.
// - Write path: N readers (default 100), each with a store of its own in one Chromium page,
//   post one comment on one page at the same moment through the widget's storage and publish
//   code, against the comment remote with no rate limit, in a process of its own: per reader the
//   time from submit to published on main (p50, p95), the server's CPU per comment (its own and
//   git's), and main's shape (commits, merge commits).
// - Read path: a book of 10,000 comments over 100 pages; a first visit of one page with the real
//   widget (time from navigation to the first counts painted, bytes from the remote), against the
//   first version's first visit, which pulled the whole repository (the same measures).
// Options: `--crowd-only` skips the first visits; `--profile` profiles the lone readers (all in one page), or without `--lone` the crowd's first page; `--per-context N` sets readers per browser
// context (default 5); `--lone N` first times N readers posting one after another, alone (the
// design's own round, without a crowd). Where the crowd's time goes: each reader's phases
// (committed, sent, answered, shown published), and the CPU the server and the browser's processes spent.
// Loopback only, bounded; writes bench/results/<date>-comments.json and prints one line per measure.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { buildComments } from '../scripts/build-comments.ts';
import { startStaticServer } from '../server/static-server.ts';
import type { PushTimeline } from '../server/comments/index.ts';
import { encodeSubmission, readSubmissionReport } from '../src/comments/publish/submission.ts';
import { commentFilePath, encodeCommentFile, type Comment } from '../src/comments/record.ts';
import { bundleModules, startCpuProfile, type ModuleOf } from './cpu-profile.ts';
import { crowdTimeline, watchPushRequests, type LoopDelay } from './crowd-timeline.ts';
import { cpuSince, descendantsCpuMs } from './process-cpu.ts';
import { readSourceMap } from './source-map.ts';
import { percentile, round, spread } from './stats.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const BOOK = { pages: 100, perPage: 100, paragraphs: 100, visited: 'page-7' } as const;
const VISITS = Number(process.env.VISITS ?? 5);
/** Readers per browser context: within Chromium's 6 connections per host, as if each had a browser of its own. */
const READERS_PER_CONTEXT = 5;

function option(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
}

/** The source module of a position in the bench page's script (built with a source map under `--profile`). */
async function bundleModulesOf(dir: string): Promise<ModuleOf | undefined> {
  const assets = join(dir, 'assets');
  const map = readdirSync(assets).find((name) => name.endsWith('.js.map'));
  if (map === undefined) return undefined;
  // Sources are named from the build's root: keep `src/...`, and `<package>/...` for dependencies.
  const shorten = (source: string) => source.replace(/^(?:.*\/)?node_modules\//, '').replace(/^(?:.*?\/)?(?=src\/)/, '');
  return bundleModules(readSourceMap(readFileSync(join(assets, map), 'utf8'), shorten));
}

function progress(message: string): void {
  process.stderr.write(`[bench:comments] ${message}\n`);
}

/** A bare book.git whose main holds 10,000 comments, one commit each (the first version's history, merges aside). */
async function makeBook(dataDir: string): Promise<void> {
  const dir = join(dataDir, 'book.git');
  await run('git', ['init', '--quiet', '--bare', '-b', 'main', dir]);
  const chunks: string[] = [];
  let time = 1_790_000_000;
  for (let i = 0; i < BOOK.pages * BOOK.perPage; i++) {
    const page = `page-${(i % BOOK.pages) + 1}`;
    const record: Comment = {
      id: randomUUID(),
      page,
      anchor: { kind: 'block', block: `p-${(Math.floor(i / BOOK.pages) % BOOK.paragraphs) + 1}` },
      parent: null,
      author: `Reader ${i}`,
      body: `Comment ${i}: a thought on this paragraph, a sentence or two long, as readers write them.`,
      created: new Date((time += 60) * 1000).toISOString(),
      secretHash: 'a'.repeat(64),
    };
    const content = Buffer.from(encodeCommentFile(record));
    const message = `Comment by ${record.author} on ${page}\n`;
    chunks.push(`commit refs/heads/main\ncommitter ${record.author} <reader@comments.invalid> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}`);
    chunks.push(`M 100644 inline comments/${page}/${record.id}.json\ndata ${content.length}\n${content.toString('utf8')}\n`);
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`))));
    child.stdin.end(chunks.join(''));
  });
}

/** What the remote's process tells of the time since its last reading (bench/comment-server.ts). */
interface ServerReading {
  ownMs: number;
  childrenMs: number;
  pushMs: number[];
  timelines: PushTimeline[];
  loop: LoopDelay;
}

/** The remote in its own process, with a way to read its CPU. */
async function startServer(dataDir: string): Promise<{ url: string; pid: number | undefined; cpu(): Promise<ServerReading>; stop(): Promise<void> }> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'bench/comment-server.ts'), dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(((await lines.next()).value as string | undefined) ?? 'null');
  const { url } = (await next()) as { url: string };
  return {
    url,
    pid: child.pid,
    cpu: async () => {
      child.stdin.write('cpu\n');
      return (await next()) as ServerReading;
    },
    stop: () =>
      new Promise((resolve) => {
        child.on('close', () => resolve());
        child.stdin.write('exit\n');
      }),
  };
}

function bookPage(remote: string): string {
  const paragraphs = Array.from({ length: BOOK.paragraphs }, (_, i) => `<p id="p-${i + 1}">Paragraph ${i + 1} of the chapter, a few lines of prose a reader may want to answer.</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Book</title></head><body><article>${paragraphs.join('\n')}</article>
<git-comments remote="${remote}book.git" page="${BOOK.visited}"></git-comments><script type="module" src="/comments.js"></script></body></html>`;
}

/** Bytes the page received from `origin` (bodies and headers) while `action` ran. */
async function countBytes(page: Page, origin: string, action: () => Promise<void>): Promise<number> {
  let bytes = 0;
  const pending: Array<Promise<void>> = [];
  const onFinished = (request: import('@playwright/test').Request) => {
    if (request.url().startsWith(origin)) pending.push(request.sizes().then((sizes) => void (bytes += sizes.responseBodySize + sizes.responseHeadersSize)));
  };
  page.on('requestfinished', onFinished);
  await action();
  await Promise.all(pending);
  page.off('requestfinished', onFinished);
  return bytes;
}

async function firstVisit(browser: Browser, url: string, origin: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && progress(`page: ${message.text()}`));
    page.on('pageerror', (error) => progress(`page error: ${error.message}`));
    // A string, not a function: tsx would wrap a function in helpers the page lacks.
    await page.addInitScript(`(() => {
      const check = (time) => {
        const shown = [...document.querySelectorAll('[data-git-comments="marker"]')].some((host) => /\\d/.test(host.shadowRoot?.querySelector('button')?.textContent ?? ''));
        if (shown) window.countsPaintedAt = time;
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })();`);
    let ms = 0;
    const bytes = await countBytes(page, origin, async () => {
      await page.goto(url);
      ms = (await (await page.waitForFunction(() => (window as unknown as { countsPaintedAt?: number }).countsPaintedAt, null, { timeout: 120_000 })).jsonValue()) as number;
    });
    return { ms, bytes };
  } finally {
    await context.close();
  }
}

async function wholeRepositoryVisit(browser: Browser, benchUrl: string, remote: string): Promise<{ ms: number; bytes: number; comments: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let result = { paintedAt: 0, comments: 0 };
    const bytes = await countBytes(page, remote, async () => {
      await page.goto(benchUrl);
      await page.locator('#status', { hasText: 'ready' }).waitFor();
      result = await page.evaluate(({ url, visited }) => window.commentsBench.wholeRepositoryVisit(url, visited), { url: `${remote}book.git`, visited: BOOK.visited });
    });
    return { ms: result.paintedAt, bytes, comments: result.comments };
  } finally {
    await context.close();
  }
}

/**
 * The same crowd with light clients: `readers` pushes from this process at once, each encoded by
 * the widget's own submission code and its answer read by the widget's report reader, but no
 * browser store: what a crowd of readers on devices of their own would see of the remote, without
 * 100 browsers simulated on this machine's cores. Ms from encoding to the answer read, per reader.
 */
async function lightCrowd(url: string, readers: number): Promise<number[]> {
  const startAt = performance.now() + 500;
  return Promise.all(
    Array.from({ length: readers }, async (_, i) => {
      const record: Comment = {
        id: randomUUID(),
        page: 'chapter-2',
        anchor: { kind: 'block', block: 'p-1', exact: 'The opening paragraph of the chapter.', prefix: '', suffix: '', start: 0 },
        parent: null,
        author: `Light reader ${i + 1}`,
        body: 'A comment from a reader on a device of their own.',
        created: new Date().toISOString(),
        secretHash: 'b'.repeat(64),
      };
      await new Promise((resolve) => setTimeout(resolve, startAt - performance.now()));
      const start = performance.now();
      const submission = encodeSubmission([{ path: commentFilePath(record.page, record.id), kind: 'comment', bytes: encodeCommentFile(record) }]);
      const answer = await fetch(`${url}/git-receive-pack`, { method: 'POST', headers: { 'Content-Type': 'application/x-git-receive-pack-request' }, body: Buffer.from(submission.body) });
      const report = readSubmissionReport(new Uint8Array(await answer.arrayBuffer()), submission.refs);
      if ([...report.values()].some((reason) => reason !== undefined) || report.size !== 1) throw new Error(`light reader ${i + 1}'s comment was not taken`);
      return performance.now() - start;
    }),
  );
}

async function main(): Promise<void> {
  const readers = option('--readers') ?? 100;
  const perContext = option('--per-context') ?? READERS_PER_CONTEXT;
  const lone = option('--lone') ?? 0;
  const crowdOnly = process.argv.includes('--crowd-only');
  const profile = process.argv.includes('--profile');
  const work = await mkdtemp(join(tmpdir(), 'taskgit-bench-comments-'));
  const dataDir = join(work, 'remotes');
  const site = join(work, 'site');
  await mkdir(dataDir, { recursive: true });
  if (!crowdOnly) {
    progress(`making a book of ${BOOK.pages * BOOK.perPage} comments over ${BOOK.pages} pages`);
    await makeBook(dataDir);
  }
  progress('building the widget and the bench page');
  await buildComments(site);
  await build({ configFile: false, base: './', root: join(ROOT, 'bench/comments-page'), logLevel: 'warn', build: { outDir: join(site, 'bench'), emptyOutDir: true, target: 'es2022', ...(profile ? { minify: false, sourcemap: true } : {}) } });
  const server = await startServer(dataDir);
  await writeFile(join(site, 'book.html'), bookPage(server.url));
  const statics = await startStaticServer({ root: site, port: 0, spaFallback: false });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    progress(`remote ${server.url}, site ${statics.url}, Chromium ${browser.version()}`);
    const ours: Array<{ ms: number; bytes: number }> = [];
    const theirs: Array<{ ms: number; bytes: number }> = [];
    for (let visit = 0; visit < (crowdOnly ? 0 : VISITS); visit++) {
      ours.push(await firstVisit(browser, `${statics.url}book.html`, server.url));
      theirs.push(await wholeRepositoryVisit(browser, `${statics.url}bench/index.html`, server.url));
      progress(`visit ${visit + 1}: snapshot ${round(ours.at(-1)?.ms ?? 0, 0)} ms ${ours.at(-1)?.bytes} B; whole repository ${round(theirs.at(-1)?.ms ?? 0, 0)} ms ${theirs.at(-1)?.bytes} B`);
    }
    // Each reader is a browser of its own: a context per few readers, so none waits on another's
    // connections (Chromium opens at most 6 per host and context, and a push is answered once published).
    const pages: Page[] = [];
    for (let i = 0; i < Math.ceil(readers / perContext); i++) {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${statics.url}bench/index.html`);
      await page.locator('#status', { hasText: 'ready' }).waitFor();
      pages.push(page);
    }
    const crowdUrl = `${server.url}crowd.git`;
    const arrive = (page: Page, count: number) => page.evaluate((args) => window.commentsBench.arrive(args.url, args.count, args.runId), { url: crowdUrl, count, runId: randomUUID() });
    const post = (page: Page, startAt: number) => page.evaluate((args) => window.commentsBench.crowd(args.url, args.startAt), { url: crowdUrl, startAt });
    const crowd = async (page: Page, count: number, delayMs: number) => {
      await arrive(page, count);
      return post(page, Date.now() + delayMs);
    };
    // A remote that is already running: its repository made and its main read by one comment first.
    await crowd(pages[0] as Page, 1, 0);
    const loneTimes = [];
    const loneCpuBefore = descendantsCpuMs(process.pid, server.pid);
    // `--profile`: the lone readers all post from the first page, under Chromium's profiler.
    const stopProfile = profile && lone > 0 ? await startCpuProfile(pages[0] as Page, await bundleModulesOf(join(site, 'bench')), 25) : undefined;
    for (let i = 0; i < lone; i++) loneTimes.push(...(await crowd(pages[profile ? 0 : i % pages.length] as Page, 1, 100)));
    const loneProfile = await stopProfile?.();
    const loneCpu = cpuSince(loneCpuBefore, descendantsCpuMs(process.pid, server.pid));
    progress(`a crowd of ${readers} readers in ${pages.length} browser contexts, posting at once`);
    // Every reader arrives first (store opened, page read), outside the timing, as a reader does.
    await Promise.all(pages.map((page, i) => arrive(page, Math.min(perContext, readers - i * perContext))));
    const before = await server.cpu();
    const startAt = Date.now() + 500;
    // The browsers' CPU from the moment the readers post (their stores are open by then).
    let browserBefore = new Map<string, number>();
    setTimeout(() => (browserBefore = descendantsCpuMs(process.pid, server.pid)), startAt - Date.now());
    // `--profile` without `--lone`: the crowd's first page (5 readers) under the profiler.
    const stopCrowdProfile = profile && lone === 0 ? await startCpuProfile(pages[0] as Page, await bundleModulesOf(join(site, 'bench')), 25) : undefined;
    const stopWatching = watchPushRequests(pages);
    const times = (await Promise.all(pages.map((page) => post(page, startAt)))).flat();
    const crowdProfile = await stopCrowdProfile?.();
    const after = await server.cpu();
    const timeline = crowdTimeline(startAt, stopWatching(), after.timelines, after.loop);
    const browserCpu = cpuSince(browserBefore, descendantsCpuMs(process.pid, server.pid));
    const browserCpuMs = browserCpu.total;
    await Promise.all(pages.map((page) => page.context().close()));
    const gitDir = join(dataDir, 'crowd.git');
    const commits = Number((await run('git', ['rev-list', '--count', 'main'], { cwd: gitDir })).stdout);
    const merges = Number((await run('git', ['rev-list', '--merges', '--count', 'main'], { cwd: gitDir })).stdout);
    const files = (await run('git', ['ls-tree', '-r', '--name-only', 'main'], { cwd: gitDir })).stdout.split('\n').filter(Boolean).length - 1 - lone;
    const latencies = (samplesOf: typeof times, pick: (time: (typeof times)[number]) => number) => {
      const samples = samplesOf.map(pick);
      return { median: round(percentile(samples, 50), 0), p95: round(percentile(samples, 95), 0), max: round(Math.max(...samples), 0) };
    };
    const phases = (samplesOf: typeof times) => ({
      committed: latencies(samplesOf, (time) => time.committed),
      commitToSent: latencies(samplesOf, (time) => time.sent - time.committed),
      sentToAnswered: latencies(samplesOf, (time) => time.answered - time.sent),
      answeredToShown: latencies(samplesOf, (time) => time.published - time.answered),
    });
    const published = latencies(times, (time) => time.published);
    const inServer = { median: round(percentile(after.pushMs, 50), 0), p95: round(percentile(after.pushMs, 95), 0) };
    const refreshed = latencies(times, (time) => time.refreshed);
    const cpuMs = after.ownMs + after.childrenMs - before.ownMs - before.childrenMs;
    const lightBefore = await server.cpu();
    progress(`a crowd of ${readers} light clients (no browser store), posting at once`);
    const light = await lightCrowd(`${server.url}crowd.git`, readers);
    const lightAfter = await server.cpu();
    const lightCpuMs = lightAfter.ownMs + lightAfter.childrenMs - lightBefore.ownMs - lightBefore.childrenMs;
    const lightCrowdReport = {
      readers,
      submitToAnswerMs: { median: round(percentile(light, 50), 0), p95: round(percentile(light, 95), 0), max: round(Math.max(...light), 0) },
      pushArrivalToAnswerMs: { median: round(percentile(lightAfter.pushMs, 50), 0), p95: round(percentile(lightAfter.pushMs, 95), 0) },
      serverCpuPerCommentMs: round(lightCpuMs / readers, 2),
    };
    const alone =
      loneTimes.length > 0
        ? { readers: loneTimes.length, submitToPublishedMs: latencies(loneTimes, (time) => time.published), phases: phases(loneTimes), browserCpuPerReaderMs: round(loneCpu.total / loneTimes.length, 1), browserCpuByProcessKind: loneCpu.byKind, ...(loneProfile ? { profile: loneProfile } : {}) }
        : undefined;
    const report = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      crowd: {
        readers,
        perContext,
        published: files,
        commits,
        merges,
        submitToPublishedMs: published,
        phases: phases(times),
        pushArrivalToAnswerMs: inServer,
        timeline: timeline.report,
        loadAverage: loadavg(),
        submitToRefreshedMs: refreshed,
        serverCpuMs: cpuMs,
        serverCpuPerCommentMs: round(cpuMs / readers, 2),
        gitCpuMs: after.childrenMs - before.childrenMs,
        browserCpuMs,
        browserCpuByProcessKind: browserCpu.byKind,
        browserCpuPerCommentMs: round(browserCpuMs / readers, 1),
      },
      lightCrowd: lightCrowdReport,
      ...(alone ? { alone } : {}),
      ...(crowdOnly
        ? {}
        : { firstVisit: { comments: BOOK.pages * BOOK.perPage, pages: BOOK.pages, snapshot: { ms: spread(ours.map((o) => o.ms)), bytes: ours[0]?.bytes }, wholeRepository: { ms: spread(theirs.map((o) => o.ms)), bytes: theirs[0]?.bytes } } }),
    };
    await mkdir(RESULTS, { recursive: true });
    const file = join(RESULTS, `${report.date.slice(0, 10)}-comments${crowdOnly ? '-crowd-only' : ''}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    progress(`wrote ${file}`);
    const phaseLine = (phase: ReturnType<typeof phases>) =>
      `committed p50 ${phase.committed.median} ms; commit to sent p50 ${phase.commitToSent.median}; sent to answered p50 ${phase.sentToAnswered.median} (p95 ${phase.sentToAnswered.p95}); answer to shown published p50 ${phase.answeredToShown.median}`;
    const lines = [
      `crowd of ${readers}: ${files} published, submit to published p50 ${published.median} ms, p95 ${published.p95} ms (goals: p50 < 1000, p95 < 2000: ${published.median < 1000 && published.p95 < 2000 ? 'met' : 'missed'})`,
      `crowd of ${readers}: phases: ${phaseLine(report.crowd.phases)}`,
      `crowd of ${readers}: ${timeline.line}`,
      `crowd of ${readers}: in the server, push arrival to answer (published) p50 ${inServer.median} ms, p95 ${inServer.p95} ms; machine load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${cpus().length} cores`,
      `crowd of ${readers}: CPU: server ${round(cpuMs, 0)} ms in all (git ${after.childrenMs - before.childrenMs} ms), ${report.crowd.serverCpuPerCommentMs} ms per comment; browser ${browserCpuMs} ms (${Object.entries(browserCpu.byKind).map(([kind, ms]) => `${kind} ${ms}`).join(', ')}), ${report.crowd.browserCpuPerCommentMs} ms per reader (${pages.length} contexts of ${perContext}); main: ${commits} commits, ${merges} merges`,
      `crowd of ${readers} light clients (the widget's push encoding, no browser store): submit to answer (published) p50 ${lightCrowdReport.submitToAnswerMs.median} ms, p95 ${lightCrowdReport.submitToAnswerMs.p95} ms; in the server p50 ${lightCrowdReport.pushArrivalToAnswerMs.median} ms, p95 ${lightCrowdReport.pushArrivalToAnswerMs.p95} ms; server CPU ${lightCrowdReport.serverCpuPerCommentMs} ms per comment`,
      ...(alone ? [`alone, ${alone.readers} readers one after another: submit to published p50 ${alone.submitToPublishedMs.median} ms, p95 ${alone.submitToPublishedMs.p95} ms; ${phaseLine(alone.phases)}; browser CPU ${alone.browserCpuPerReaderMs} ms per reader, its arrival included (${Object.entries(loneCpu.byKind).map(([kind, ms]) => `${kind} ${ms}`).join(', ')})`] : []),
      ...(crowdProfile ? [`crowd, the first page's main thread under the profiler (${crowdProfile.sampledMs} ms sampled): ${crowdProfile.modules.map((module) => `${module.module} ${module.ms}`).join('; ')}`, `  functions: ${crowdProfile.functions.map((fn) => `${fn.function} ${fn.ms}`).join('; ')}`, `  src inclusive: ${crowdProfile.srcInclusive.map((fn) => `${fn.function} ${fn.ms}`).join('; ')}`] : []),
      ...(loneProfile ? [`alone, the first page's main thread under the profiler (${loneProfile.sampledMs} ms sampled): ${loneProfile.modules.map((module) => `${module.module} ${module.ms}`).join('; ')}`, `  functions: ${loneProfile.functions.map((fn) => `${fn.function} ${fn.ms}`).join('; ')}`, `  src inclusive: ${loneProfile.srcInclusive.map((fn) => `${fn.function} ${fn.ms}`).join('; ')}`] : []),
      ...(crowdOnly
        ? []
        : [`first visit, 10,000 comments over 100 pages: page snapshot ${round(spread(ours.map((o) => o.ms)).median, 0)} ms, ${ours[0]?.bytes} bytes | whole repository ${round(spread(theirs.map((o) => o.ms)).median, 0)} ms, ${theirs[0]?.bytes} bytes`]),
    ];
    for (const line of lines) process.stdout.write(`${line}\n`);
  } finally {
    await browser.close();
    await statics.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
