// The production server as a person's devices meet it: over HTTPS (a test certificate, which
// Chromium is told to accept in this test only) at https://taskgit.test, a name Chromium's
// host-resolver rules send to the server on 127.0.0.1. Two devices with tokens of their own sync
// through it; a revoked token is refused in the server's words, and turned away for a while when
// it keeps trying; the app keeps working offline; and the way through reaches a stand-in for
// github.com (also only by the resolver rules) with a token, while the browser alone cannot
// (GitHub sends no CORS headers).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DeviceTokens, dataFolder } from '../../server/accounts/index.ts';
import { readServeFlags } from '../../server/serve-flags.ts';
import { startSite, type Site } from '../../server/site.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../../test/support/git-cli.ts';
import { startGitHostStandIn, type GitHostStandIn } from '../../test/support/github-stand-in.ts';
import { makeTestCertificate } from '../../test/support/test-certificate.ts';
import { requireEnv, waitForServiceWorker } from '../app/app-support.ts';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../support/chromium.ts';

const ORIGIN = 'https://taskgit.test';
const GITHUB_TOKEN = 'ghp_e2eStandInToken';

let site: Site;
let github: GitHostStandIn;
let browser: Browser;
let tokens: DeviceTokens;
let githubRepos: string;

test.beforeAll(async () => {
  const certificate = makeTestCertificate(['taskgit.test', 'github.com']);
  githubRepos = makeTempDir('e2e-github');
  mkdirSync(join(githubRepos, 'owner'));
  await gitAsync(['init', '--quiet', '--bare', '-b', 'main', join(githubRepos, 'owner', 'tasks.git')]);
  github = await startGitHostStandIn({ host: 'github.com', certificate, reposDir: githubRepos, token: GITHUB_TOKEN, redirects: { '/owner/old-name.git': 'https://github.com/owner/tasks.git', '/owner/moved.git': 'https://gitlab.com/owner/tasks.git' } });
  const data = makeTempDir('e2e-production');
  tokens = new DeviceTokens(dataFolder(data).tokens);
  const plan = readServeFlags(['--data', data, '--port', '0', '--url', ORIGIN, '--cert', certificate.certPath, '--key', certificate.keyPath, '--app', requireEnv('APP_DIR')]);
  site = await startSite({ ...plan.site, wayThrough: { upstreams: [{ host: 'github.com', connect: github.address }], ca: certificate.cert } });
  const resolverRules = `--host-resolver-rules=MAP taskgit.test 127.0.0.1:${site.port} , MAP github.com ${github.address} , MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1`;
  browser = await chromium.launch({
    ...chromiumLaunchOptions(),
    args: [...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--host-resolver-rules')), resolverRules, '--ignore-certificate-errors'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await site?.close(0);
  await github?.close();
  removeTempDirs();
});

/** A device: a browser context of its own, on the app at https://taskgit.test. */
async function device(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/#/sync`);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return { context, page };
}

/** Opens a view by its link in the nav, as a person clicking it would. */
async function openView(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).locator('a', { hasText: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

async function setRemote(page: Page, settings: { url: string; username: string; token: string; proxy?: string }): Promise<void> {
  await openView(page, 'Sync');
  await page.getByLabel('Remote URL').fill(settings.url);
  await page.getByLabel('Username').fill(settings.username);
  await page.getByLabel('Token or password').fill(settings.token);
  await page.getByLabel('CORS proxy').fill(settings.proxy ?? '');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

/** Chooses the server the app came from, as its Sync settings offer it first: user name, token, "Use this server". */
async function useThisServer(page: Page, username: string, token: string): Promise<void> {
  await openView(page, 'Sync');
  const offer = page.getByTestId('server-offer');
  await expect(offer.getByRole('heading', { name: 'This server: taskgit.test' })).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Use this server' })).toBeDisabled(); // the user name goes into the URL
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Token or password').fill(token);
  await offer.getByRole('button', { name: 'Use this server' }).click();
  await expect(page.getByLabel('Remote URL')).toHaveValue(`${ORIGIN}/${username}/tasks.git`);
  await expect(offer.getByRole('status')).toHaveText('✓ Its remote is set below');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

async function capture(page: Page, name: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search or capture' });
  await box.fill(name);
  await box.press('Enter');
  await expect(page.locator('.search-status')).toContainText('Added');
}

async function syncNow(page: Page): Promise<void> {
  await openView(page, 'Sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
}

test('two devices sync through the server with tokens of their own; a revoked token is refused in words; offline still works', async () => {
  test.setTimeout(120_000);
  const laptopToken = await tokens.add('alice', 'laptop');
  const phoneToken = await tokens.add('alice', 'phone');
  const remote = `${ORIGIN}/alice/tasks.git`;
  const laptop = await device();
  const phone = await device();
  try {
    await useThisServer(laptop.page, 'alice', laptopToken.token);
    await capture(laptop.page, 'Pay the rent');
    await syncNow(laptop.page);
    await expect(laptop.page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');

    await setRemote(phone.page, { url: remote, username: 'alice', token: phoneToken.token });
    await syncNow(phone.page);
    await expect(phone.page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');
    await openView(phone.page, 'Process');
    await expect(phone.page.getByRole('button', { name: 'Pay the rent', exact: true })).toBeVisible();
    await capture(phone.page, 'Call the landlord');
    await syncNow(phone.page);
    await expect(phone.page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');
    await syncNow(laptop.page);
    await openView(laptop.page, 'Process');
    await expect(laptop.page.getByRole('button', { name: 'Call the landlord', exact: true })).toBeVisible();

    // The phone is lost: its token is revoked on the server.
    await tokens.revoke(phoneToken.record.id);
    await capture(phone.page, 'Buy a new phone');
    await syncNow(phone.page);
    const refusal = phone.page.getByTestId('sync-error');
    await expect(refusal).toHaveAttribute('data-code', 'auth-failed');
    await expect(refusal).toContainText('the remote refused the credentials');
    await expect(phone.page.getByTestId('sync-indicator')).toContainText('Saved on this device');
    await phone.page.getByRole('button', { name: 'Test connection' }).click();
    await expect(phone.page.getByTestId('connection-result')).toContainText('Not connected: the remote refused the credentials.');
    await expect(phone.page.getByTestId('connection-result')).toContainText('The remote refused the username and token (HTTP 401).');
    await expect(phone.page.getByTestId('connection-result')).toContainText('The remote says: “The token was refused: it is not a token of this server');

    // Offline, the laptop's app still opens from its service worker and takes changes.
    await waitForServiceWorker(laptop.page);
    await laptop.context.setOffline(true);
    await laptop.page.reload();
    await expect(laptop.page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await capture(laptop.page, 'Written offline');
    await expect(laptop.page.getByTestId('sync-indicator')).toContainText('Saved on this device');
    await laptop.context.setOffline(false);
    await syncNow(laptop.page);
    await expect(laptop.page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');

    // The lost phone keeps trying its revoked token: the server turns the address away for a
    // while, and the words say so (not "too many pushes"), with the wait the server gave.
    await openView(phone.page, 'Sync');
    await expect(async () => {
      await phone.page.getByRole('button', { name: 'Sync now' }).click();
      await expect(refusal).toContainText('HTTP 429', { timeout: 3000 });
    }).toPass({ timeout: 60_000 });
    await expect(refusal).toContainText('Not synced: too many attempts, the remote asks to wait.');
    await expect(refusal).toContainText('The remote says: “Too many wrong tokens from your address');
    await expect(refusal).toContainText(/Try again in \d+ minutes; if the token may be wrong, check it in the sync settings first\./);
    await expect(phone.page.getByTestId('sync-indicator')).toHaveText('Saved on this device · too many attempts, the remote asks to wait');
  } finally {
    await laptop.context.close();
    await phone.context.close();
  }
});

test('the way through reaches github.com with the token, follows a rename, and the browser alone cannot', async () => {
  const { context, page } = await device();
  try {
    await capture(page, 'Through to GitHub');
    // Straight to github.com: its answers carry no CORS headers, so the browser may not read them.
    await setRemote(page, { url: 'https://github.com/owner/tasks.git', username: 'me', token: GITHUB_TOKEN });
    await syncNow(page);
    await expect(page.getByTestId('sync-error')).toHaveAttribute('data-code', 'unreachable');
    // Through the server's way through, offered for a host it reaches.
    await page.getByLabel('Remote URL').fill('https://github.com/owner/old-name.git');
    const nudge = page.getByTestId('way-through-nudge');
    await expect(nudge).toContainText('github.com does not let browsers sync with it directly.');
    await nudge.getByRole('button', { name: 'Sync through taskgit.test' }).click();
    await expect(page.getByLabel('CORS proxy')).toHaveValue(`${ORIGIN}/proxy`);
    await expect(page.getByTestId('server-offer')).toContainText('Requests go through this server, which reaches GitHub for the browser.');
    await expect(nudge).toBeHidden();
    // A redirect to another host is not followed: the token stays away from it, and the person is told.
    await page.getByLabel('Remote URL').fill('https://github.com/owner/moved.git');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('connection-result')).toContainText('Not connected: the remote had an error.');
    await expect(page.getByTestId('connection-result')).toContainText('redirects are followed within the same host only');
    await page.getByLabel('Remote URL').fill('https://github.com/owner/old-name.git');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');
    const log = await gitAsync(['--git-dir', join(githubRepos, 'owner', 'tasks.git'), 'log', '--format=%s', 'main']);
    expect(log).toContain('Through to GitHub');
    expect(github.requests.some((request) => request.url.startsWith('/owner/old-name.git/git-receive-pack') && request.headers.authorization)).toBe(true);
  } finally {
    await context.close();
  }
});
