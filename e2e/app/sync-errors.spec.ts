// Every way a sync can fail, in the built app against real servers, each in its own words, with
// the status bar and the Sync tab agreeing: the browser offline; a server nobody listens on, or a
// host no resolver knows; a URL that is a web page or a 404, not a git remote; credentials asked
// for (401, with the remote's own reason) or refused (403); too many wrong tokens (429, with its
// wait); a push the comment remote refuses (in its own words); a server error (500); a server
// that dies mid-answer. "Test connection" says the same without syncing, and says what a good
// remote holds. The form's "Saved." never stands beside a failure.
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startFaultProxy, type Fault } from '../../test/support/fault-proxy.ts';
import { openApp, requireEnv } from './app-support.ts';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Commits one inbox action through the app's open repository. */
async function commitAction(page: Page, name: string): Promise<void> {
  await page.evaluate(async (name) => {
    const record = { kind: 'action' as const, id: crypto.randomUUID(), name, created: new Date().toISOString(), state: 'inbox' as const };
    await window.taskgit?.tasks.apply({ changes: [{ put: record }], message: `Create ${name}` });
  }, name);
}

/** Fills the form, presses Sync now, and checks the status bar and the Sync tab tell the same failure. */
async function expectSyncFailure(page: Page, url: string, code: string, indicatorWords: string, message: RegExp): Promise<void> {
  await page.getByLabel('Remote URL').fill(url);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const banner = page.getByTestId('sync-error');
  await expect(banner).toHaveAttribute('data-code', code, { timeout: 20_000 });
  await expect(banner).toContainText(`Not synced: ${indicatorWords}.`);
  await expect(banner).toContainText(message);
  await expect(page.getByTestId('sync-indicator')).toHaveText(`Saved on this device · ${indicatorWords}`);
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-error-code', code);
  // Sync now saved the settings, but its note does not say "Saved." beside the failure.
  await expect(page.getByTestId('settings-saved')).toHaveText(`Settings saved, but not synced: ${indicatorWords} (see Status).`);
}

/** Presses Test connection and returns its banner. */
async function testConnection(page: Page, url: string) {
  await page.getByLabel('Remote URL').fill(url);
  await page.getByRole('button', { name: 'Test connection' }).click();
  return page.getByTestId('connection-result');
}

test('each failure shows its own words, the same in the status bar and the Sync tab', async ({ page, context }) => {
  test.setTimeout(90_000);
  const remote = requireEnv('GIT_REMOTE_URL');
  const good = `${remote}errors-${randomUUID().slice(0, 8)}.git`;
  const proxy = await startFaultProxy({ target: remote, plan: () => ({ kind: 'pass' }) });
  // CORS preflights pass; an injected status carries the CORS header a git server sends.
  const cors = { 'Access-Control-Allow-Origin': new URL(requireEnv('APP_URL')).origin, Vary: 'Origin' };
  const fault = (plan: Fault): void => proxy.setPlan(({ method }) => (method === 'OPTIONS' ? { kind: 'pass' } : plan));
  try {
    await openApp(page, '#/sync');
    await commitAction(page, 'Water the plants');

    // A good remote: Test connection says what it is, writing nothing; an empty one says so.
    await expect(await testConnection(page, good)).toContainText('Connected. A git remote with no “main” branch yet');

    const closed = `http://127.0.0.1:${await closedPort()}/nowhere.git`;
    await expect(await testConnection(page, closed)).toContainText('Not connected: the remote cannot be reached.');
    await expectSyncFailure(page, closed, 'unreachable', 'the remote cannot be reached', /Could not reach 127\.0\.0\.1:\d+\/nowhere\.git/);
    await expect(page.getByText('Network').locator('xpath=following-sibling::dd[1]')).toHaveText('online');

    // The app's own server: a web page (or its 404), not git.
    const webPage = `${requireEnv('APP_URL')}index.html`;
    await expect(await testConnection(page, webPage)).toContainText('Not connected: the remote URL is not a git remote.');
    await expectSyncFailure(page, webPage, 'not-a-remote', 'the remote URL is not a git remote', /is not a git remote/);

    // A name no resolver knows: unreachable too, with a word about the address.
    await expectSyncFailure(page, 'http://tasks.no-such-host.invalid/tasks.git', 'unreachable', 'the remote cannot be reached', /Could not reach tasks\.no-such-host\.invalid\/tasks\.git: .*address mistyped/);

    fault({ kind: 'status', status: 404, body: 'Not Found', headers: cors });
    await expectSyncFailure(page, `${proxy.url}typo.git`, 'not-a-remote', 'the remote URL is not a git remote', /there is no git repository there \(HTTP 404\)/);
    // The remote's own reason comes with its refusal, as text (markup in it stays visible text).
    fault({ kind: 'status', status: 401, body: 'Use a <b>device token</b> of ann as the password.\n', headers: cors });
    await expectSyncFailure(page, `${proxy.url}locked.git`, 'auth-failed', 'the remote refused the credentials', /asks for a username and token \(HTTP 401\)\. .* The remote says: “Use a <b>device token<\/b> of ann as the password\.”/);
    await expect(page.getByTestId('sync-error').locator('b')).toHaveCount(0);
    // Credentials sent and refused: the words say to check them, not to add some; a web page says nothing.
    await page.getByLabel('Username').fill('ann');
    await page.getByLabel('Token or password').fill('wrong-token');
    fault({ kind: 'status', status: 403, body: '<html><title>403 Forbidden</title></html>', headers: { ...cors, 'Content-Type': 'text/html' } });
    await expectSyncFailure(page, `${proxy.url}locked.git`, 'auth-failed', 'the remote refused the credentials', /refused the username and token \(HTTP 403\)\. Check them in the sync settings\.$/);
    // Too many wrong tokens: the remote asks to wait, for as long as its Retry-After says.
    const limit = { ...cors, 'Retry-After': '120', 'Access-Control-Expose-Headers': 'Retry-After' };
    fault({ kind: 'status', status: 429, body: 'Too many wrong tokens from your address; try again in 120 seconds.\n', headers: limit });
    await expectSyncFailure(page, `${proxy.url}locked.git`, 'server-error', 'too many attempts, the remote asks to wait', /such as sign-ins with a wrong username or token\. The remote says: “Too many wrong tokens .*” .* Try again in 2 minutes; if the token may be wrong, check it/);
    await page.getByLabel('Username').fill('');
    await page.getByLabel('Token or password').fill('');
    fault({ kind: 'status', status: 500, body: 'disk on fire', headers: cors });
    await expectSyncFailure(page, `${proxy.url}broken.git`, 'server-error', 'the remote had an error', /HTTP 500: disk on fire/);
    fault({ kind: 'truncate', bytes: 30 });
    await expectSyncFailure(page, `${proxy.url}cut.git`, 'interrupted', 'the remote stopped mid-answer', /stopped in the middle of its answer/);
    proxy.setPlan(() => ({ kind: 'pass' }));

    // The comment remote refuses a push of task files to main: its own words reach the person.
    await expectSyncFailure(page, requireEnv('COMMENTS_REMOTE_URL'), 'rejected', 'the remote refused the changes', /The remote refused the push: \S.{10,}\. Your changes are saved on this device\./);

    // The browser offline.
    await context.setOffline(true);
    await expectSyncFailure(page, good, 'offline', 'offline, syncs when back online', /This device is offline/);
    await expect(page.getByText('Network').locator('xpath=following-sibling::dd[1]')).toHaveText('offline');
    await context.setOffline(false); // back online: it syncs on its own
    await expect(page.getByTestId('sync-indicator')).toHaveText('Up to date with the remote', { timeout: 20_000 });
    await expect(await testConnection(page, good)).toContainText(/Connected\. A git remote whose “main” branch is at [0-9a-f]{7}/);
  } finally {
    await proxy.close();
  }
});
