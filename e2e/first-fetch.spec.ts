// A first fetch of a 12 MB repository into an empty store, in real Chromium (the unpack worker
// storing its runs itself), when it does not end well: the network cuts the answer, the person
// aborts, the tab is closed half way, or the repository does not fit in the storage the browser
// grants (a quota lowered through Chromium's DevTools protocol). Each time the database is read
// raw: nothing the fetch stored may stay visible or orphaned, no ref may point at what is not
// there, and the next sync completes. And while a first sync runs, the app says how far it got.
// The answer is asked for and read by a worker (the run store worker's thread), never by the page,
// and a first sync starts its two workers while the remote answers its discovery.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startFaultProxy, type Fault, type FaultProxy } from '../test/support/fault-proxy.ts';
import { gitAsync, gitRun, makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import { openApp } from './app/app-support.ts';
import type { HarnessSyncFailure } from './harness/store.ts';

const FILES = 48;
const FILE_BYTES = 256 * 1024;
/** Where a cut or held answer stops: about half of the ~12 MB pack, past the first run the worker stores. */
const HALF_WAY = 6_000_000;

let remote: { url: string; head: string };
let proxy: FaultProxy;

function requireEnv(name: 'HARNESS_URL' | 'GIT_REMOTE_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts (its global setup)`);
  return value;
}

/** `git fast-import` input: one commit of `FILES` files of bytes that do not compress. */
function incompressibleHistory(): Buffer {
  const parts: Buffer[] = [Buffer.from('commit refs/heads/main\ncommitter Git Tester <git-tester@example.org> 1767000000 +0000\ndata 13\nBinary files\n')];
  for (let n = 0; n < FILES; n++) parts.push(Buffer.from(`M 100644 inline file-${n}.bin\ndata ${FILE_BYTES}\n`), randomBytes(FILE_BYTES), Buffer.from('\n'));
  return Buffer.concat(parts);
}

test.beforeAll(async () => {
  const dir = makeTempDir('e2e-first-fetch');
  await gitAsync(['init', '--quiet', '--bare', '-b', 'main', dir]);
  const imported = gitRun(['fast-import', '--quiet'], { cwd: dir, input: incompressibleHistory() });
  expect(imported.status, imported.stderr).toBe(0);
  const name = `first-fetch-${randomUUID().slice(0, 8)}`;
  await gitAsync(['push', '--quiet', `${requireEnv('GIT_REMOTE_URL')}${name}.git`, 'main'], { cwd: dir });
  remote = { url: `${name}.git`, head: (await gitAsync(['rev-parse', 'main'], { cwd: dir })).trim() };
  proxy = await startFaultProxy({ target: requireEnv('GIT_REMOTE_URL'), plan: () => ({ kind: 'pass' }) });
});

test.afterAll(async () => {
  await proxy?.close();
  removeTempDirs();
});

/** The proxy passes everything but the pack's answer, which gets `fault`. */
function faultOnPack(fault: Fault): void {
  proxy.setPlan(({ method, path }) => (method === 'POST' && path.endsWith('/git-upload-pack') ? fault : { kind: 'pass' }));
}

async function openHarness(page: Page): Promise<string> {
  await page.goto(requireEnv('HARNESS_URL'));
  await expect(page.locator('#status')).toHaveText('ready');
  return `device-${randomUUID().slice(0, 8)}`;
}

/**
 * What the database `name` holds, read raw: records per object store (and `files`, its batch files
 * in the origin private file system), the refs, the batches hidden in imports, the files' names,
 * and the bytes of all chunks, in records and in files.
 */
function readRaw(page: Page, name: string): Promise<{ counts: Record<string, number>; refs: string[]; batches: number[]; hidden: number[]; files: string[]; chunkBytes: number }> {
  return page.evaluate(async (name) => {
    const database = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const read = <T>(request: IDBRequest<T>) => new Promise<T>((done, fail) => ((request.onsuccess = () => done(request.result)), (request.onerror = () => fail(request.error))));
    const names = [...database.objectStoreNames];
    const tx = database.transaction(names);
    const counts = Object.fromEntries(await Promise.all(names.map(async (store) => [store, await read(tx.objectStore(store).count())] as const)));
    const refs = (await read(tx.objectStore('refs').getAllKeys())).map(String);
    const batches = (await read(tx.objectStore('batches').getAllKeys())).map(Number);
    const hidden = ((await read(tx.objectStore('imports').getAll())) as Array<{ batches: number[] }>).flatMap((record) => record.batches);
    let chunkBytes = ((await read(tx.objectStore('chunks').getAll())) as Uint8Array[]).reduce((sum, chunk) => sum + chunk.length, 0);
    database.close();
    const files: string[] = [];
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('taskgit-batches').then((all) => all.getDirectoryHandle(encodeURIComponent(name)), () => undefined);
    for await (const [file, handle] of (folder as unknown as AsyncIterable<[string, FileSystemFileHandle]>) ?? []) {
      files.push(file);
      chunkBytes += (await handle.getFile()).size;
    }
    return { counts: { ...counts, files: files.length }, refs, batches, hidden, files, chunkBytes };
  }, name);
}

/** Nothing of a fetch: no batch, chunk, import, ref or file. */
const EMPTY = { batches: 0, chunks: 0, imports: 0, refs: 0, files: 0 };

async function syncThroughProxy(page: Page, name: string): Promise<{ kind: string; head?: string | undefined } | HarnessSyncFailure> {
  return page.evaluate(({ name, url }) => window.harness.sync(name, url), { name, url: `${proxy.url}${remote.url}` });
}

/** The fetch's two workers: the unpack worker, and the run store worker, which reads the answer too. */
const FETCH_WORKERS = ['run-store-worker', 'unpack-worker'];

/** Resolves once the next fetch's two workers have both started and ended. */
function nextFetchWorkersEnded(page: Page): Promise<void[]> {
  return Promise.all(FETCH_WORKERS.map(async (script) => {
    const worker = await page.waitForEvent('worker', (started) => started.url().includes(script));
    await new Promise<void>((resolve) => worker.on('close', () => resolve()));
  }));
}

/** The scripts of the workers the page starts from now on (named as in {@link FETCH_WORKERS}), each with whether it ended yet. */
function recordWorkers(page: Page): Array<{ script: string; closed: Promise<void> }> {
  const started: Array<{ script: string; closed: Promise<void> }> = [];
  page.on('worker', (worker) => {
    const script = FETCH_WORKERS.find((name) => worker.url().includes(name)) ?? worker.url();
    started.push({ script, closed: new Promise<void>((resolve) => worker.on('close', () => resolve())) });
  });
  return started;
}

test('a fetch the network cuts half way leaves nothing stored, and the next sync completes', async ({ page }) => {
  const name = await openHarness(page);
  faultOnPack({ kind: 'truncate', bytes: HALF_WAY });
  const cut = await syncThroughProxy(page, name);
  expect(cut).toMatchObject({ kind: 'failed', error: { code: 'interrupted' } });
  expect((await readRaw(page, name)).counts).toMatchObject(EMPTY);

  faultOnPack({ kind: 'pass' });
  const workersEnded = nextFetchWorkersEnded(page);
  expect(await syncThroughProxy(page, name)).toEqual({ kind: 'pulled', head: remote.head });
  const after = await readRaw(page, name);
  expect(after.counts.imports).toBe(0);
  expect(after.refs).toContain('refs/remotes/origin/main');
  // A fetch that succeeded ends its workers too, a moment after it resolves.
  await workersEnded;
});

/** A chapter's worth of prose of about `bytes`: text that deflates to a fraction of its size. */
function prose(bytes: number, seed: number): Buffer {
  const lines: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    const line = `Paragraph ${seed}.${i}: the ${['river', 'kettle', 'lantern', 'orchard'][(i * seed) % 4]} was ${['quiet', 'late', 'mended', 'open'][i % 4]}, and ${i * 7919 % 1000} people waited.\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join('').slice(0, bytes));
}

test('text the pack carried whole is stored as its zlib stream, read back byte for byte, small and large', async ({ page }) => {
  const name = await openHarness(page);
  const files = [
    ['chapter-1.md', prose(8 * 1024, 1)],
    ['chapter-2.md', prose(300 * 1024, 2)],
    ['book.md', prose(2 * 1024 * 1024, 3)],
  ] as const;
  const dir = makeTempDir('e2e-deflated-records');
  await gitAsync(['init', '--quiet', '--bare', '-b', 'main', dir]);
  const commit: Buffer[] = [Buffer.from('commit refs/heads/main\ncommitter Git Tester <git-tester@example.org> 1767000000 +0000\ndata 6\nProse\n')];
  for (const [path, bytes] of files) commit.push(Buffer.from(`M 100644 inline ${path}\ndata ${bytes.length}\n`), bytes, Buffer.from('\n'));
  expect(gitRun(['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(commit) }).status).toBe(0);
  const repository = `deflated-${randomUUID().slice(0, 8)}.git`;
  await gitAsync(['push', '--quiet', `${requireEnv('GIT_REMOTE_URL')}${repository}`, 'main'], { cwd: dir });

  expect(await page.evaluate(({ name, url }) => window.harness.sync(name, url), { name, url: `${requireEnv('GIT_REMOTE_URL')}${repository}` })).toMatchObject({ kind: 'pulled' });
  // What IndexedDB holds for the fetch: well under the files' own bytes.
  const fileBytes = files.reduce((sum, [, bytes]) => sum + bytes.length, 0);
  expect((await readRaw(page, name)).chunkBytes).toBeLessThan(fileBytes / 2);
  // Read back through the store, as the app reads: each file exactly as git has it.
  const read = await page.evaluate(async ({ name, paths }) => {
    const main = await window.harness.branch(name);
    return Promise.all(paths.map(async (path) => Array.from((await main.get(path)) ?? [])));
  }, { name, paths: files.map(([path]) => path) });
  expect(read.map((bytes) => bytes.length)).toEqual(files.map(([, bytes]) => bytes.length));
  files.forEach(([, bytes], i) => expect(Buffer.from(read[i] as number[]).equals(bytes)).toBe(true));
});

test('a small fetch stays in IndexedDB, a large one goes to files', async ({ page }) => {
  const name = await openHarness(page);
  const dir = makeTempDir('e2e-small-fetch');
  await gitAsync(['init', '--quiet', '--bare', '-b', 'main', dir]);
  const note = prose(2 * 1024, 7);
  const commit = Buffer.concat([Buffer.from(`commit refs/heads/main\ncommitter Git Tester <git-tester@example.org> 1767000000 +0000\ndata 5\nNote\nM 100644 inline note.md\ndata ${note.length}\n`), note, Buffer.from('\n')]);
  expect(gitRun(['fast-import', '--quiet'], { cwd: dir, input: commit }).status).toBe(0);
  const repository = `small-${randomUUID().slice(0, 8)}.git`;
  await gitAsync(['push', '--quiet', `${requireEnv('GIT_REMOTE_URL')}${repository}`, 'main'], { cwd: dir });
  expect(await page.evaluate(({ name, url }) => window.harness.sync(name, url), { name, url: `${requireEnv('GIT_REMOTE_URL')}${repository}` })).toMatchObject({ kind: 'pulled' });
  const small = await readRaw(page, name);
  expect(small.batches.length).toBe(1);
  expect(small.counts).toMatchObject({ chunks: 1, files: 0 });

  const large = `device-${randomUUID().slice(0, 8)}`;
  expect(await syncThroughProxy(page, large)).toEqual({ kind: 'pulled', head: remote.head });
  expect((await readRaw(page, large)).files.length).toBeGreaterThan(0);
});

declare global {
  interface Window {
    /** `<method> <url>` of every request the page's own `fetch` made (see {@link recordPageRequests}). */
    pageRequests?: string[];
    /** Every worker the page made (see {@link recordPageWorkers}): its script, and whether the page ended it. */
    pageWorkers?: Array<{ script: string; ended: boolean }>;
  }
}

/**
 * Records the workers the page makes and ends. (Playwright's `worker` event comes only once a
 * worker's script runs: one ended before that is never seen.)
 */
async function recordPageWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const PageWorker = window.Worker;
    const workers: Array<{ script: string; ended: boolean }> = (window.pageWorkers = []);
    window.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        const made = { script: String(url), ended: false };
        workers.push(made);
        const terminate = this.terminate.bind(this);
        this.terminate = () => {
          made.ended = true;
          terminate();
        };
      }
    };
  });
}

/** Records the requests the page's main thread makes through `fetch` (a worker's own are not seen). */
async function recordPageRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const pageFetch = window.fetch.bind(window);
    const requests: string[] = (window.pageRequests = []);
    window.fetch = (input, init) => {
      const request = new Request(input, init);
      requests.push(`${request.method} ${request.url}`);
      return pageFetch(input, init);
    };
  });
}

test('an abort half way ends the unpack and run store workers and leaves the store as it was', async ({ page }) => {
  await recordPageRequests(page);
  const packRequests = (): number => proxy.requests.filter(({ method, path }) => method === 'POST' && path.endsWith('/git-upload-pack')).length;
  const packRequestsBefore = packRequests();
  const name = await openHarness(page);
  faultOnPack({ kind: 'hold', bytes: HALF_WAY });
  const workersEnded = nextFetchWorkersEnded(page);
  const started = recordWorkers(page);
  await page.evaluate(({ name, url }) => window.harness.startSync(name, url), { name, url: `${proxy.url}${remote.url}` });
  // The worker stored a run (hidden) and waits for bytes that do not come.
  await page.waitForFunction((name) => (window.harness.objects[name]?.stored ?? 0) > 0, name);
  expect((await readRaw(page, name)).hidden.length).toBeGreaterThan(0);

  await page.evaluate((name) => window.harness.abortSync(name), name);
  expect(await page.evaluate((name) => window.harness.finishSync(name), name)).toMatchObject({ kind: 'failed', error: { code: 'aborted' } });
  await workersEnded;
  expect((await readRaw(page, name)).counts).toMatchObject(EMPTY);
  // Two workers, no third for the answer: it was asked for, and read, by the run store worker;
  // the page made the discovery only.
  expect(started.map(({ script }) => script).sort()).toEqual(FETCH_WORKERS);
  const fromPage = await page.evaluate(() => window.pageRequests ?? []);
  expect(fromPage.some((request) => request.endsWith('/info/refs?service=git-upload-pack'))).toBe(true);
  expect(fromPage.filter((request) => request.endsWith('/git-upload-pack'))).toEqual([]);
  expect(packRequests()).toBe(packRequestsBefore + 1);
});

test('a first sync that fetches nothing ends the workers it started while the remote answered', async ({ page }) => {
  await recordPageWorkers(page);
  const name = await openHarness(page);
  // A repository not pushed to yet: the remote advertises no branch, so the fetch foreseen while
  // it answered (this store never fetched) does not happen.
  const empty = await page.evaluate(({ name, url }) => window.harness.sync(name, url), { name, url: `${proxy.url}empty-${randomUUID().slice(0, 8)}.git` });
  expect(empty).toEqual({ kind: 'up-to-date', head: undefined });
  const workers = await page.evaluate(() => window.pageWorkers ?? []);
  expect(workers.map(({ script }) => FETCH_WORKERS.find((name) => script.includes(name)) ?? script).sort()).toEqual(FETCH_WORKERS);
  expect(workers.every(({ ended }) => ended)).toBe(true);
  expect((await readRaw(page, name)).counts).toMatchObject(EMPTY);
});

test('the app shows the objects received, checked and stored while a first sync runs', async ({ page }) => {
  test.slow(); // the server packs 12 MB of incompressible blobs first: slow on a loaded machine
  faultOnPack({ kind: 'hold', bytes: HALF_WAY });
  await openApp(page, '#/sync');
  await page.getByLabel('Remote URL').fill(`${proxy.url}${remote.url}`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  // 48 blobs, their tree and the commit; a run of them stored while the rest is awaited (after the
  // server's own progress: on a loaded machine it may take a while over incompressible blobs).
  const progress = page.getByRole('region', { name: 'Status' }).getByRole('status');
  await expect(progress).toHaveText(/Syncing: receiving [^·]+ · [\d,]+ of 50 objects, [\d,]+ checked, [1-9][\d,]* stored/, { timeout: 60_000 });
  // The bar has an end while receiving: the pack's 50 objects (git sends no size in bytes ahead).
  const bar = progress.getByRole('progressbar', { name: 'Sync progress' });
  await expect(bar).toHaveAttribute('max', '50');
  expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
});

test('a tab closed half way leaves no ref and hidden runs only, which the next sync deletes', async ({ page, context }) => {
  const name = await openHarness(page);
  faultOnPack({ kind: 'hold', bytes: HALF_WAY });
  await page.evaluate(({ name, url }) => window.harness.startSync(name, url), { name, url: `${proxy.url}${remote.url}` });
  await page.waitForFunction((name) => (window.harness.objects[name]?.stored ?? 0) > 0, name);
  const left = await readRaw(page, name);
  expect(left.refs).toEqual([]);
  expect(left.hidden.length).toBeGreaterThan(0);
  await page.close();

  const next = await context.newPage();
  await next.goto(requireEnv('HARNESS_URL'));
  await expect(next.locator('#status')).toHaveText('ready');
  faultOnPack({ kind: 'pass' });
  expect(await syncThroughProxy(next, name)).toEqual({ kind: 'pulled', head: remote.head });
  const after = await readRaw(next, name);
  expect(after.counts.imports).toBe(0);
  for (const batch of left.hidden) expect(after.batches).not.toContain(batch);
  // The runs went to files (all but a last one under 256 KB), and the abandoned import's are gone with it.
  expect(left.files.length).toBeGreaterThan(0);
  for (const file of left.files) expect(after.files).not.toContain(file);
  expect(after.files.length).toBeGreaterThanOrEqual(after.batches.length - 1);
});

test('a repository larger than the storage the browser grants is refused in words, nothing written', async ({ page, context }) => {
  // Chromium enforces the lowered quota in IndexedDB, though navigator.storage.estimate() does not
  // report it here: this is the refusal the browser makes, mid-fetch. The one foreseen from the
  // estimate, before anything is written, is tested on the unpacker (src/sync/unpack/unpacker.test.ts).
  const origin = new URL(requireEnv('HARNESS_URL')).origin;
  const devtools = await context.newCDPSession(page);
  await devtools.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 3_000_000 });
  try {
    const name = await openHarness(page);
    const refused = await page.evaluate(({ name, url }) => window.harness.sync(name, url), { name, url: `${requireEnv('GIT_REMOTE_URL')}${remote.url}` });
    expect(refused).toMatchObject({ kind: 'failed', error: { code: 'storage-full' } });
    expect((refused as HarnessSyncFailure).error.message).toMatch(/needs more than [\d,]+ MB on this device, but the browser refused to store more\. Nothing was written/);
    expect((await readRaw(page, name)).counts).toMatchObject(EMPTY);
  } finally {
    await devtools.send('Storage.overrideQuotaForOrigin', { origin });
  }
});
