// The Sync tab against the real local git remote (`git http-backend` on 127.0.0.1): "Sync now"
// pushes what the app committed, the indicator says it is saved on the remote, a new commit is
// pushed on its own about 2 s later, and a `git clone` passes `git fsck --strict`. (Failures:
// sync-errors.spec.ts.)
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { gitAsync, gitRun, makeTempDir, removeTempDirs } from '../../test/support/git-cli.ts';
import { openApp, requireEnv } from './app-support.ts';

test.afterAll(() => removeTempDirs());

/** A repository on the local remote that no other test uses. */
function freshRemoteUrl(): string {
  return `${requireEnv('GIT_REMOTE_URL')}app-sync-${randomUUID().slice(0, 8)}.git`;
}

/** Commits one inbox action through the app's open repository; returns its id and the new head. */
function commitAction(page: Page, name: string): Promise<{ id: string; head: string }> {
  return page.evaluate(async (name) => {
    const tasks = window.taskgit?.tasks;
    if (!tasks) throw new Error('window.taskgit is not there: the app has not opened its repository');
    const id = crypto.randomUUID();
    const record = { kind: 'action' as const, id, name, created: new Date().toISOString(), state: 'inbox' as const };
    const head = await tasks.apply({ changes: [{ put: record }], message: `Create ${name}` });
    if (!head) throw new Error('the commit made no head');
    return { id, head: String(head) };
  }, name);
}

/** `git clone` into a temporary folder; `git fsck --strict` must find nothing. */
async function cloneAndFsck(url: string): Promise<string> {
  const dir = join(makeTempDir('e2e-app-clone'), 'work');
  await gitAsync(['clone', '--quiet', url, dir]);
  const fsck = gitRun(['fsck', '--strict', '--no-dangling'], { cwd: dir });
  expect(fsck.stderr + fsck.stdout.toString('utf8'), 'git fsck --strict output').toBe('');
  expect(fsck.status, 'git fsck --strict exit status').toBe(0);
  return dir;
}

test('Sync now pushes to the local remote, the indicator says so, and git clones it clean', async ({ page }) => {
  const url = freshRemoteUrl();
  await openApp(page, '#/sync');
  const remoteField = page.getByLabel('Remote URL');
  await expect(remoteField, 'prefilled from /config.json').toHaveValue(`${requireEnv('GIT_REMOTE_URL')}tasks.git`);
  await expect(page.getByLabel('Token or password')).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('storage-persistent')).toBeVisible();

  const first = await commitAction(page, 'Buy milk');
  const indicator = page.getByTestId('sync-indicator');
  // The suggested URL is not a remote until saved: the page and the status bar agree on that.
  await expect(indicator).toHaveText('Saved on this device · no remote set');
  await expect(page.getByTestId('remote-unsaved')).toContainText('no remote is set');
  await expect(page.getByTestId('sync-saved-where')).toHaveText('No remote is set: changes are saved on this device only.');

  await remoteField.fill(url);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(indicator).toHaveText('Up to date with the remote');
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');
  await expect(page.getByTestId('sync-saved-where')).toHaveText('Up to date with the remote: it has every change made here.');
  await expect(page.getByTestId('remote-unsaved')).toHaveCount(0);

  const dir = await cloneAndFsck(url);
  expect((await gitAsync(['rev-parse', 'HEAD'], { cwd: dir })).trim()).toBe(first.head);
  expect((await gitAsync(['log', '--format=%s'], { cwd: dir })).trim()).toBe('Create Buy milk');
  const file = join(dir, 'items', first.id.slice(0, 2), `${first.id}.json`);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: first.id, name: 'Buy milk', state: 'inbox' });

  // A new commit is pushed on its own, after the debounce.
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: 'Buy milk', exact: true })).toBeVisible(); // the Process placeholder lists the inbox
  const second = await commitAction(page, 'Call Ann');
  await expect(indicator).toContainText('Saved on this device');
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote', { timeout: 15_000 });
  const remoteHead = (await gitAsync(['ls-remote', url, 'refs/heads/main'])).split('\t')[0];
  expect(remoteHead).toBe(second.head);

  // The settings (not the repository) remember the remote across a reload.
  await openApp(page, '#/process');
  await page.keyboard.press('7');
  await expect(page.getByLabel('Remote URL')).toHaveValue(url);
  await expect(indicator).toHaveText('Up to date with the remote');
});
