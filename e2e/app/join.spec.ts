// Joining a remote that has tasks, in the built app against the real remote: a device that
// started empty, and one that started with the demo, then sync with it end with exactly the
// first device's records, one weekly review and no demo; a new device that chooses "Connect to
// an existing remote" on the first run brings the whole history before writing anything.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { leaveField, openApp, requireEnv, saveRemote, syncNow } from './app-support.ts';

async function newDevice(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openApp(page, '#/process');
  return page;
}

/** Every record as `id name`, sorted: what a device holds, comparable across devices. */
function records(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.taskgit?.tasks.snapshot.records.values() ?? [])].map((record) => `${record.id} ${record.name}`).sort());
}

/** Sets the remote on the Sync tab and syncs until the remote has everything, the model's after-merge commits included. */
async function syncWith(page: Page, url: string): Promise<void> {
  await leaveField(page);
  await page.keyboard.press('7');
  await saveRemote(page, url);
  await syncNow(page);
  await expect
    .poll(() => page.evaluate(async () => (await window.taskgit?.tasks.settle()) === undefined && window.taskgit?.tasks.snapshot.head), { timeout: 20_000 })
    .toBeTruthy();
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote', { timeout: 20_000 });
}

test('devices that started empty or with the demo join a remote with data and end with its records, no duplicates', async ({ browser }) => {
  test.setTimeout(120_000);
  const url = `${requireEnv('GIT_REMOTE_URL')}join-${randomUUID().slice(0, 8)}.git`;
  const first = await newDevice(browser);
  await first.getByRole('button', { name: 'Start empty' }).click();
  await first.getByRole('searchbox', { name: 'Search or capture' }).fill('Buy milk');
  await first.getByRole('searchbox', { name: 'Search or capture' }).press('Enter');
  await expect.poll(() => records(first)).toHaveLength(2);
  await syncWith(first, url);
  const expected = await records(first);

  const empty = await newDevice(browser);
  await empty.getByRole('button', { name: 'Start empty' }).click();
  const demo = await newDevice(browser);
  await demo.getByRole('button', { name: 'Start with demo data' }).click();
  await expect.poll(async () => (await records(demo)).length).toBeGreaterThan(20);
  for (const device of [empty, demo]) {
    await syncWith(device, url);
    await expect.poll(() => records(device), { timeout: 20_000 }).toEqual(expected);
  }
  await syncWith(first, url);
  expect(await records(first)).toEqual(expected);
  expect((await records(demo)).filter((record) => record.endsWith(' Weekly review'))).toHaveLength(1);

  // A new device connects on its first run: the remote's history arrives, nothing of its own.
  const joining = await newDevice(browser);
  await joining.getByRole('button', { name: 'Connect to an existing remote' }).click();
  const form = joining.getByRole('form', { name: 'Connect to an existing remote' });
  await form.getByLabel('Remote URL').fill(url);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(joining.getByTestId('welcome')).toBeHidden({ timeout: 20_000 });
  expect(await records(joining)).toEqual(expected);
  await expect(joining.getByTestId('sync-indicator')).toHaveText('Up to date with the remote');
  const [joinedHead, remoteHead] = await Promise.all([joining, first].map((page) => page.evaluate(() => window.taskgit?.tasks.snapshot.head)));
  expect(joinedHead, 'the joining device made no commit of its own').toBe(remoteHead);
  for (const page of [first, empty, demo, joining]) await page.context().close();
});

test('connecting to an empty remote says so and offers the starts; a wrong address says what is wrong', async ({ browser }) => {
  const page = await newDevice(browser);
  await page.getByRole('button', { name: 'Connect to an existing remote' }).click();
  const form = page.getByRole('form', { name: 'Connect to an existing remote' });
  await form.getByLabel('Remote URL').fill(`${requireEnv('APP_URL')}index.html`);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('welcome-status')).toContainText('Could not bring your tasks: the remote URL is not a git remote.');
  await form.getByLabel('Remote URL').fill(`${requireEnv('GIT_REMOTE_URL')}join-empty-${randomUUID().slice(0, 8)}.git`);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('welcome-status')).toContainText('is empty: start here, and what you start with is sent there.');
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote', { timeout: 20_000 });
  await page.context().close();
});
