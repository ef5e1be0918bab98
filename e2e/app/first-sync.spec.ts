// A first sync of a remote whose history this device has never seen, in the built app as
// `npm start` serves it, Content-Security-Policy included: the answer is unpacked in the unpack
// worker, whose script carries its own policy (a worker takes it from its script's answer, not
// from the page). Under it the worker must be able to compile WebAssembly (its fast SHA-1) and
// open IndexedDB (it stores what it verified itself), or the first sync runs slower fallbacks.
import { randomUUID } from 'node:crypto';
import { expect, test, type Worker } from '@playwright/test';
import { gitAsync, gitRun, makeTempDir, removeTempDirs } from '../../test/support/git-cli.ts';
import { openApp, requireEnv } from './app-support.ts';

test.afterAll(() => removeTempDirs());

const COMMITS = 300;

/** The smallest WebAssembly module: its magic number and version. */
const EMPTY_MODULE = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** `git fast-import` input: `COMMITS` commits, each adding one inbox action as the app stores it. */
function historyOfActions(): string {
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let n = 1; n <= COMMITS; n++) {
    const id = randomUUID();
    const record = { created: '2026-01-01T09:00:00.000Z', id, kind: 'action', name: `Imported action ${n}`, state: 'inbox' };
    parts.push(
      `commit refs/heads/main\nmark :${n}\ncommitter Git Tester <git-tester@example.org> ${1_767_000_000 + n} +0000\n`,
      data(`Create Imported action ${n}`),
      n > 1 ? `from :${n - 1}\n` : '',
      `M 100644 inline items/${id.slice(0, 2)}/${id}.json\n`,
      data(`${JSON.stringify(record, null, 2)}\n`),
    );
  }
  return parts.join('');
}

/** A remote of its own on the local remote, holding that history. */
async function remoteWithHistory(): Promise<string> {
  const url = `${requireEnv('GIT_REMOTE_URL')}first-sync-${randomUUID().slice(0, 8)}.git`;
  const dir = makeTempDir('e2e-first-sync');
  await gitAsync(['init', '--quiet', '--bare', '-b', 'main', dir]);
  const imported = gitRun(['fast-import', '--quiet'], { cwd: dir, input: historyOfActions() });
  expect(imported.status, imported.stderr).toBe(0);
  await gitAsync(['push', '--quiet', url, 'main'], { cwd: dir });
  return url;
}

test('a first sync is unpacked in a worker that may compile WebAssembly and open IndexedDB under the served policy', async ({ page }) => {
  const url = await remoteWithHistory();
  await openApp(page, '#/sync');
  const unpacking = page.waitForEvent('worker', (worker) => worker.url().includes('unpack-worker'));
  await page.getByLabel('Remote URL').fill(url);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const unpackWorker = await unpacking;
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote', { timeout: 30_000 });
  await expect(page.getByTestId('sync-saved-where')).toHaveText('Up to date with the remote: it has every change made here.');
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: `Imported action ${COMMITS}`, exact: true })).toBeVisible();

  // The same script, started again so it can be asked at leisure: its policy is the one the
  // server sends with it (the worker of the sync ended with it).
  const started = page.waitForEvent('worker', (worker) => worker.url() === unpackWorker.url());
  await page.evaluate((script) => void Reflect.set(window, 'probeWorker', new Worker(script, { type: 'module' })), unpackWorker.url());
  const probe: Worker = await started;
  const can = await probe.evaluate(async (bytes) => {
    const compiled = await WebAssembly.compile(new Uint8Array(bytes)).then(() => 'compiled', (error: unknown) => String(error));
    const opened = await new Promise<string>((resolve) => {
      const request = indexedDB.open('taskgit-csp-probe');
      request.onsuccess = () => {
        request.result.close();
        resolve('opened');
      };
      request.onerror = () => resolve(String(request.error));
    });
    return { compiled, opened };
  }, EMPTY_MODULE);
  expect(can).toEqual({ compiled: 'compiled', opened: 'opened' });
  // The page hashes with WebAssembly too (a bundle import, the widget's snapshots).
  expect(await page.evaluate((bytes) => WebAssembly.compile(new Uint8Array(bytes)).then(() => 'compiled', String), EMPTY_MODULE)).toBe('compiled');
});
