// Sync in real Chromium: the page itself pushes to the local git remote (the real
// `git http-backend` on 127.0.0.1, started by the global setup) and a second browser context, a
// second device with storage of its own, pulls it. Then concurrent offline edits on both devices
// merge field by field, and an unreachable remote fails as 'unreachable' without losing a commit.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { gitAsync, gitRun, gitText, makeTempDir, removeTempDirs } from '../test/support/git-cli.ts';
import type { HarnessSyncFailure } from './harness/store.ts';

/** `page` is device A; `secondDevice` is device B, a page in a context of its own (own IndexedDB). */
const test = base.extend<{ secondDevice: Page }>({
  secondDevice: async ({ browser }, use) => {
    const context = await browser.newContext();
    try {
      await use(await context.newPage());
    } finally {
      await context.close();
    }
  },
});

test.afterAll(() => removeTempDirs());

/** The repository name both devices use in their own IndexedDB. */
const REPO = 'tasks';

function requireEnv(name: 'HARNESS_URL' | 'GIT_REMOTE_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through playwright.config.ts (its global setup)`);
  return value;
}

/** A repository on the local remote that no other test (or repeat) uses. */
function freshRemoteUrl(slug: string): string {
  return `${requireEnv('GIT_REMOTE_URL')}${slug}-${randomUUID().slice(0, 8)}.git`;
}

/** Opens the harness page and waits until `window.harness` is there. */
async function openHarness(page: Page): Promise<void> {
  await page.goto(requireEnv('HARNESS_URL'));
  await expect(page.locator('#status')).toHaveText('ready');
}

type SyncOutcome = Awaited<ReturnType<Window['harness']['sync']>>;

function isFailure(outcome: SyncOutcome): outcome is HarnessSyncFailure {
  return outcome.kind === 'failed';
}

/** Syncs the device's repository with `url`; the result, or the error as data. */
function syncDevice(page: Page, url: string): Promise<SyncOutcome> {
  return page.evaluate(({ repo, url }) => window.harness.sync(repo, url), { repo: REPO, url });
}

/** Syncs and requires success; a failure fails the test with the error's own words. */
async function syncOk(page: Page, url: string): Promise<{ kind: string; head: string | undefined }> {
  const outcome = await syncDevice(page, url);
  if (isFailure(outcome)) throw new Error(`sync failed: ${outcome.error.name} (${outcome.error.code}): ${outcome.error.message}`);
  return outcome;
}

/** Writes one text file as one commit; returns the new head. */
function commitText(page: Page, path: string, text: string, message: string): Promise<string> {
  return page.evaluate(
    async ({ repo, path, text, message }) => (await window.harness.branch(repo)).set(path, text, { message }),
    { repo: REPO, path, text, message },
  );
}

/** Sets one field of a JSON record, written back canonically (sorted keys), as one commit. */
function editRecord(page: Page, path: string, field: string, value: string, message: string): Promise<string> {
  return page.evaluate(
    async ({ repo, path, field, value, message }) => {
      const branch = await window.harness.branch(repo);
      const bytes = await branch.get(path);
      const record = bytes ? window.store.parseJsonObject(bytes) : undefined;
      if (!record) throw new Error(`${path} is not a JSON record on this device`);
      record[field] = value;
      return branch.set(path, window.store.canonicalJson(record), { message });
    },
    { repo: REPO, path, field, value, message },
  );
}

interface DeviceState {
  head: string | undefined;
  /** Each asked-for path's bytes, `null` when absent. */
  files: Record<string, number[] | null>;
  history: Array<{ id: string; parents: string[]; message: string }>;
}

/** The branch head, the bytes of `paths`, and the whole history, read from the device's store. */
function readDevice(page: Page, paths: readonly string[]): Promise<DeviceState> {
  return page.evaluate(
    async ({ repo, paths }) => {
      const branch = await window.harness.branch(repo);
      const files: Record<string, number[] | null> = {};
      for (const path of paths) {
        const bytes = await branch.get(path);
        files[path] = bytes ? Array.from(bytes) : null;
      }
      const history = (await branch.history()).map(({ id, parents, message }) => ({ id, parents, message }));
      return { head: await branch.head(), files, history };
    },
    { repo: REPO, paths },
  );
}

const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')];
const decode = (bytes: number[] | null | undefined): string | null => (bytes ? Buffer.from(bytes).toString('utf8') : null);

/** A commit message as history returns it, without the one trailing newline git ends it with. */
const subject = (message: string): string => (message.endsWith('\n') ? message.slice(0, -1) : message);

/** A JSON record as the store writes it: 2-space indent, keys sorted, trailing newline. */
function recordText(record: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** `git clone` of the remote into a temporary folder; `git fsck --strict` must find nothing. */
async function cloneAndFsck(url: string): Promise<string> {
  const dir = join(makeTempDir('e2e-clone'), 'work');
  await gitAsync(['clone', '--quiet', url, dir]); // async: never block this process on the network
  const fsck = gitRun(['fsck', '--strict', '--no-dangling'], { cwd: dir });
  expect(fsck.stderr + fsck.stdout.toString('utf8'), 'git fsck --strict output').toBe('');
  expect(fsck.status, 'git fsck --strict exit status').toBe(0);
  return dir;
}

const RECORD_PATH = 'items/3f/3f2a9c1e-5b7d-4e0a-9c61-0d2f8e4b7a10.json';
const RECORD = { id: '3f2a9c1e-5b7d-4e0a-9c61-0d2f8e4b7a10', title: 'Buy paint', context: 'errands', notes: 'white, matt' };

const FIRST_FILES = [
  { path: RECORD_PATH, text: recordText(RECORD), message: 'Add the action "Buy paint"' },
  { path: 'notes/grüße-日本語-🚀.md', text: '# Grüße 🌍\n\nZeile zwei — “quoted” ok, 世界\n', message: 'Add a note: Grüße 🌍' },
  { path: 'contacts/6c1d.json', text: recordText({ id: '6c1d', name: 'Zoë Ångström' }), message: 'Add the contact Zoë Ångström' },
];

test('device A pushes from the page, device B pulls the same bytes, head and history; git clones it clean', async ({ page, secondDevice }) => {
  const url = freshRemoteUrl('push-pull');
  const paths = FIRST_FILES.map((file) => file.path);

  // Every module device A fetches, to see that sync is loaded only when first used.
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openHarness(page);
  const heads: string[] = [];
  for (const file of FIRST_FILES) heads.push(await commitText(page, file.path, file.text, file.message));
  expect(fetched.filter((path) => path.includes('/src/sync/')), 'sync modules fetched before the first sync').toEqual([]);

  const pushed = await syncOk(page, url);
  expect(pushed).toEqual({ kind: 'pushed', head: heads.at(-1) });
  expect(fetched.some((path) => path.endsWith('/src/sync/index.ts')), 'src/sync/index.ts fetched by the first sync').toBe(true);
  const inA = await readDevice(page, paths);
  expect(inA.head).toBe(heads.at(-1));
  expect(inA.history.map((commit) => commit.id)).toEqual([...heads].reverse());

  // Device B: its own storage, so the repository starts empty there.
  await openHarness(secondDevice);
  expect((await readDevice(secondDevice, paths)).head, 'device B before its first sync').toBeUndefined();
  expect(await syncOk(secondDevice, url)).toEqual({ kind: 'pulled', head: inA.head });
  const inB = await readDevice(secondDevice, paths);
  expect(inB).toEqual(inA);
  for (const file of FIRST_FILES) expect(inB.files[file.path], file.path).toEqual(utf8(file.text));
  expect(inB.history.map((commit) => subject(commit.message))).toEqual(FIRST_FILES.map((file) => file.message).reverse());

  // Nothing new on either side: both are up to date.
  expect(await syncOk(page, url)).toEqual({ kind: 'up-to-date', head: inA.head });
  expect(await syncOk(secondDevice, url)).toEqual({ kind: 'up-to-date', head: inA.head });

  // The real git reads what the page pushed.
  const dir = await cloneAndFsck(url);
  expect(gitText(['rev-parse', 'HEAD'], { cwd: dir }).trim()).toBe(inA.head);
  expect(gitText(['log', '--format=%s'], { cwd: dir }).trim().split('\n')).toEqual(FIRST_FILES.map((file) => file.message).reverse());
  for (const file of FIRST_FILES) expect([...readFileSync(join(dir, file.path))], `${file.path} in the clone`).toEqual(utf8(file.text));
});

test('offline edits on both devices to one record and to different files merge, and both end equal', async ({ page, secondDevice }) => {
  const url = freshRemoteUrl('merge');
  await Promise.all([openHarness(page), openHarness(secondDevice)]);
  await commitText(page, RECORD_PATH, recordText(RECORD), 'Add the action "Buy paint"');
  expect((await syncOk(page, url)).kind).toBe('pushed');
  const base = await syncOk(secondDevice, url);
  expect(base.kind).toBe('pulled');

  // Offline (no sync): A changes the title and adds a note; B changes the context and adds an action.
  const fromA = { path: 'notes/from-a.md', text: 'Written on device A\n' };
  const fromB = { path: 'items/b7/b7e4.json', text: recordText({ id: 'b7e4', title: 'Call the plumber', context: 'phone' }) };
  await editRecord(page, RECORD_PATH, 'title', 'Buy paint and brushes', 'Rename "Buy paint" to "Buy paint and brushes"');
  const aHead = await commitText(page, fromA.path, fromA.text, 'Add a note from device A');
  await editRecord(secondDevice, RECORD_PATH, 'context', 'hardware-store', 'Move "Buy paint" to the context hardware-store');
  const bHead = await commitText(secondDevice, fromB.path, fromB.text, 'Add the action "Call the plumber"');
  expect(bHead).not.toBe(aHead);

  expect(await syncOk(page, url)).toEqual({ kind: 'pushed', head: aHead });
  const merged = await syncOk(secondDevice, url);
  expect(merged.kind).toBe('merged-and-pushed');
  expect(await syncOk(page, url)).toEqual({ kind: 'pulled', head: merged.head });

  const paths = [RECORD_PATH, fromA.path, fromB.path];
  const [inA, inB] = [await readDevice(page, paths), await readDevice(secondDevice, paths)];
  expect(inA.head).toBe(merged.head);
  expect(inB).toEqual(inA);

  // Both fields' changes, no conflict note (the fields differ), both new files.
  const record = JSON.parse(decode(inA.files[RECORD_PATH]) ?? 'null') as unknown;
  expect(record).toEqual({ ...RECORD, title: 'Buy paint and brushes', context: 'hardware-store' });
  expect(decode(inA.files[RECORD_PATH])).toBe(recordText({ ...RECORD, title: 'Buy paint and brushes', context: 'hardware-store' }));
  expect(decode(inA.files[fromA.path])).toBe(fromA.text);
  expect(decode(inA.files[fromB.path])).toBe(fromB.text);

  // The head is B's merge of its own work with what A pushed; every edit is in history.
  const [mergeCommit] = inA.history;
  expect([...(mergeCommit?.parents ?? [])].sort()).toEqual([aHead, bHead].sort());
  const messages = inA.history.map((commit) => subject(commit.message));
  for (const message of [
    'Add the action "Buy paint"',
    'Rename "Buy paint" to "Buy paint and brushes"',
    'Add a note from device A',
    'Move "Buy paint" to the context hardware-store',
    'Add the action "Call the plumber"',
  ]) {
    expect(messages).toContain(message);
  }

  const dir = await cloneAndFsck(url);
  expect(gitText(['rev-parse', 'HEAD'], { cwd: dir }).trim()).toBe(merged.head);
  expect(gitText(['rev-list', '--parents', '-n', '1', 'HEAD'], { cwd: dir }).trim().split(' ').slice(1).sort()).toEqual([aHead, bHead].sort());
  for (const path of paths) expect([...readFileSync(join(dir, path))], `${path} in the clone`).toEqual(inA.files[path]);
});

/** A port on 127.0.0.1 that nothing listens on: one the OS just handed out, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  await new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())));
  if (address === null || typeof address === 'string') throw new Error('no port was assigned');
  return address.port;
}

test('syncing with a remote nobody listens on fails as unreachable, in words, and keeps every commit', async ({ page }) => {
  await openHarness(page);
  const files = FIRST_FILES.slice(0, 2);
  const heads: string[] = [];
  for (const file of files) heads.push(await commitText(page, file.path, file.text, file.message));
  const paths = files.map((file) => file.path);
  const before = await readDevice(page, paths);

  const deadUrl = `http://127.0.0.1:${await closedPort()}/tasks.git`;
  const outcome = await syncDevice(page, deadUrl);
  if (!isFailure(outcome)) throw new Error(`sync with ${deadUrl} resolved ${JSON.stringify(outcome)}; it should have failed`);
  expect(outcome.error.code).toBe('unreachable');
  expect(outcome.error.name).toBe('UnreachableError');
  // A sentence a person can act on, naming the remote; not a bare "Failed to fetch".
  expect(outcome.error.message).toContain(deadUrl.slice('http://'.length));
  expect(outcome.error.message).toMatch(/saved on this device/);
  expect(outcome.error.message.split(/\s+/).length).toBeGreaterThan(8);

  // Nothing was lost: the same head, history and bytes, also after a reload.
  expect(await readDevice(page, paths)).toEqual(before);
  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');
  const after = await readDevice(page, paths);
  expect(after).toEqual(before);
  expect(after.head).toBe(heads.at(-1));
  for (const file of files) expect(after.files[file.path], file.path).toEqual(utf8(file.text));

  // And they go out intact once a remote answers.
  const url = freshRemoteUrl('after-offline');
  expect(await syncOk(page, url)).toEqual({ kind: 'pushed', head: heads.at(-1) });
  const dir = await cloneAndFsck(url);
  expect(gitText(['log', '--format=%s'], { cwd: dir }).trim().split('\n')).toEqual(files.map((file) => file.message).reverse());
});
