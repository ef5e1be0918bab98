// Opening a CueKeeper repository in the built app: a repository made with git from CueKeeper's
// first-run data, pushed to the test's git remote, opened from the first-run welcome by URL;
// then a bundle with a file that does not parse is refused in words and nothing is written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeCueKeeperRepository } from '../../test/support/cuekeeper-init.ts';
import { ckPlain } from '../../test/support/cuekeeper-writer.ts';
import { git, gitAsync, removeTempDirs } from '../../test/support/git-cli.ts';
import { openApp, requireEnv } from './app-support.ts';

test.afterAll(() => removeTempDirs());

const ANN = '0a0a0a0a-1111-4222-8333-444455556666';


test('a CueKeeper repository opens from the welcome by its URL, every record in one commit', async ({ page }) => {
  const dir = makeCueKeeperRepository({ [`contact/${ANN}`]: ckPlain({ name: 'Ann', ctime: 1_430_000_000 }) });
  const url = `${requireEnv('GIT_REMOTE_URL')}ck-${Date.now()}.git`;
  await gitAsync(['push', '-q', url, 'master'], { cwd: dir });
  await openApp(page);
  const welcome = page.getByRole('region', { name: 'Welcome to Taskgit' });
  await welcome.getByText('Coming from CueKeeper?', { exact: true }).click();
  await welcome.getByLabel('Repository URL').fill(url);
  await welcome.getByRole('button', { name: 'Open', exact: true }).click();
  // The first commit ends the welcome; the app shows Process, with CueKeeper's areas.
  await expect(welcome).toBeHidden();
  await expect(page.getByRole('treeitem', { name: 'Personal' })).toBeVisible();
  const messages = await page.evaluate(async () => (await window.taskgit!.tasks.history()).map((commit) => commit.message.trim()));
  expect(messages).toEqual(['Open CueKeeper repository: 10 areas, 1 project, 2 actions, 1 contact, 7 contexts']);
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: 'Ann', exact: true })).toBeVisible();
});

test('a bundle holding a file that does not parse is refused in words, and nothing is written', async ({ page }) => {
  const dir = makeCueKeeperRepository({ 'db/0b0b0b0b-1111-4222-8333-444455556666': '(Area((name"Half' });
  git(['bundle', 'create', '-q', 'ck.bundle', 'master'], { cwd: dir });
  await openApp(page, '#/history');
  const panel = page.getByRole('region', { name: 'Open a CueKeeper repository' }).last();
  await panel.getByLabel('Open a CueKeeper bundle').setInputFiles({ name: 'ck.bundle', mimeType: 'application/octet-stream', buffer: readFileSync(join(dir, 'ck.bundle')) });
  await expect(page.getByTestId('cuekeeper-message')).toContainText('db/0b0b0b0b-1111-4222-8333-444455556666: a quoted text is never closed');
  expect(await page.evaluate(() => window.taskgit!.tasks.snapshot.head)).toBeUndefined();
});
