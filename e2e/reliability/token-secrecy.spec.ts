// The sync token set in the Sync settings goes only where it must: in the Authorization header of
// requests to the remote, and nowhere else. Every request the app makes (pages and service worker)
// is recorded while it captures, syncs on its own and on "Sync now", and moves between views; then
// every object of the repository, in IndexedDB and on the remote, is searched for the token. Run
// twice: with the remote reached directly, and through a CORS proxy (as GitHub needs).
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Request } from '@playwright/test';
import { startCorsProxy } from '../../server/cors-proxy.ts';
import { git, gitAsync, makeTempDir, removeTempDirs } from '../../test/support/git-cli.ts';
import { openApp, requireEnv } from '../app/app-support.ts';

test.afterAll(() => removeTempDirs());

/** A request as recorded: where it went and every byte of it the token could hide in. */
interface SentRequest {
  url: string;
  host: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

async function describeRequest(request: Request): Promise<SentRequest> {
  // A request the app starts as the context closes (a background sync) can no longer be asked for
  // its full headers; its provisional ones still hold what the page set, the Authorization header among them.
  const headers = await request.allHeaders().catch(() => request.headers());
  return { url: request.url(), host: new URL(request.url()).host, headers, body: request.postDataBuffer() };
}

/** The forms the secret can take on the wire or in storage. */
function secretForms(username: string, token: string): string[] {
  return [token, encodeURIComponent(token), Buffer.from(`${username}:${token}`).toString('base64'), Buffer.from(token).toString('base64')];
}

function containsAny(haystack: Buffer | string, needles: readonly string[]): boolean {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack) : haystack;
  return needles.some((needle) => bytes.includes(Buffer.from(needle)));
}

/**
 * Sets a token in the Sync settings, works and syncs, then checks every request and every
 * object. `corsProxy`: the proxy's URL, put in the settings; the token must then go there only.
 */
async function checkTokenSecrecy(browser: Browser, corsProxy: string | undefined): Promise<void> {
  const username = 'reliability-user';
  const token = `secret-${randomUUID()}`;
  const forms = secretForms(username, token);
  const remote = `${requireEnv('GIT_REMOTE_URL')}reliability-token-${randomUUID().slice(0, 8)}.git`;
  const remoteHost = new URL(remote).host;
  /** Where requests carrying the token go: the remote, or its proxy when one is set. */
  const tokenHost = corsProxy ? new URL(corsProxy).host : remoteHost;
  const allowedHosts = new Set([remoteHost, tokenHost]);

  const context = await browser.newContext();
  const pending: Array<Promise<SentRequest>> = [];
  context.on('request', (request) => pending.push(describeRequest(request)));
  try {
    const page = await context.newPage();
    await openApp(page, '#/sync');
    await page.getByLabel('Remote URL').fill(remote);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Token or password').fill(token);
    if (corsProxy) await page.getByLabel('CORS proxy').fill(corsProxy);
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const box = page.getByRole('searchbox', { name: 'Search or capture' });
    const indicator = page.locator('.sync-indicator');
    for (const name of ['Renew the passport', 'Call the plumber', 'Book the dentist']) {
      await box.fill(name);
      await box.press('Enter');
      await expect(page.locator('.search-status')).toContainText(`Added`);
    }
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(indicator).toHaveAttribute('data-saved', 'remote');
    // One more change, synced on its own after the debounce; then a look at other views.
    await box.fill('Water the plants');
    await box.press('Enter');
    await expect(indicator).toHaveAttribute('data-saved', 'device');
    await expect(indicator).toHaveAttribute('data-saved', 'remote', { timeout: 15_000 });
    for (const view of ['#/process', '#/work', '#/history', '#/sync']) {
      await page.goto(`${requireEnv('APP_URL')}${view}`);
      await expect(page.locator('#view-title')).toBeVisible();
    }
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(indicator).toHaveAttribute('data-saved', 'remote');

    // Every object and ref the app's repository holds, read raw from IndexedDB.
    const stored = await page.evaluate(async () => {
      const database = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('taskgit');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const all = (store: string) =>
        new Promise<Array<{ key: string; value: number[] }>>((done, fail) => {
          const tx = database.transaction(store);
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () =>
            done(
              values.result.map((value: unknown, index) => ({
                key: String(keys.result[index]),
                value: Array.from(typeof value === 'string' ? new TextEncoder().encode(value) : (value as Uint8Array)),
              })),
            );
          tx.onerror = () => fail(tx.error);
        });
      const result = { objects: await all('objects'), refs: await all('refs') };
      database.close();
      return result;
    });
    expect(stored.objects.length, 'the repository holds the commits made').toBeGreaterThan(10);
    const holding = [...stored.objects, ...stored.refs].filter((entry) => containsAny(Buffer.from(entry.value), forms) || containsAny(entry.key, forms));
    expect(holding.map((entry) => entry.key), 'IndexedDB entries holding the token').toEqual([]);

    // Every object on the remote.
    const clone = `${makeTempDir('reliability-token')}/clone.git`;
    await gitAsync(['clone', '--quiet', '--mirror', remote, clone]);
    const everything = git(['cat-file', '--batch-all-objects', '--batch'], { cwd: clone });
    expect(everything.length, 'the remote holds the pushed objects').toBeGreaterThan(1000);
    expect(containsAny(everything, forms), 'an object on the remote holds the token').toBe(false);
  } finally {
    await context.close();
  }

  const requests = await Promise.all(pending);
  const authorization = `Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;
  const withToken = requests.filter((request) => request.headers.authorization === authorization);
  expect(withToken.length, 'sync requests carry the token').toBeGreaterThan(2);
  expect([...new Set(withToken.map((request) => request.host))], 'the token goes to one host').toEqual([tokenHost]);
  const elsewhere = requests.filter((request) => !allowedHosts.has(request.host));
  expect(elsewhere.length, 'the app made requests to other hosts (its own)').toBeGreaterThan(0);
  const leaks = elsewhere.filter(
    (request) => containsAny(request.url, forms) || containsAny(JSON.stringify(request.headers), forms) || (request.body !== null && containsAny(request.body, forms)),
  );
  expect(leaks.map((request) => request.url), 'requests to hosts other than the remote and its proxy that carry the token').toEqual([]);
}

test('the sync token reaches only the remote, and no object of the repository holds it', async ({ browser }) => {
  test.setTimeout(90_000);
  await checkTokenSecrecy(browser, undefined);
});

test('through a CORS proxy the token reaches only the proxy, and no object holds it', async ({ browser }) => {
  test.setTimeout(90_000);
  const proxy = await startCorsProxy({
    allowedOrigins: [new URL(requireEnv('APP_URL')).origin],
    upstreams: [{ host: new URL(requireEnv('GIT_REMOTE_URL')).host, scheme: 'http' }],
  });
  try {
    await checkTokenSecrecy(browser, proxy.url);
  } finally {
    await proxy.close();
  }
});
