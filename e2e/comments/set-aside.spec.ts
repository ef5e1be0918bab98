// A reader's comment the remote refuses for good is set aside, not lost and not in the way: the
// reason in words under it, later comments still published, and a Discard (by keyboard too) that
// forgets it for good. Against a comment remote of its own with a moderator (the global one has
// none): the reader's push reaches it but the answer is lost, the moderator deletes the comment,
// and the widget's next try meets the refusal a reader really can meet.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { moderateComment } from '../../server/comments/index.ts';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { en } from '../../src/comments/strings/en.ts';
import { gitAsync, makeTempDir, removeTempDir } from '../../test/support/git-cli.ts';
import { commentWith, expectStatus, openChapter, pageSection, postComment, requireEnv, uniqueText } from './comments-support.ts';

const MODERATOR = { username: 'editor', password: 'set-aside spec moderator' };
let remote: GitRemote;
let dataDir: string;
let remoteUrl: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'taskgit-e2e-set-aside-'));
  remote = await startGitRemote({ dataDir, port: 0, host: '127.0.0.1', allowedOrigins: 'any', comments: { repos: ['book.git'], moderator: MODERATOR } });
  remoteUrl = `${remote.url}book.git`;
});
test.afterAll(async () => {
  await remote?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Points the demo chapter's widget at this spec's remote (its `config="/config.json"`). */
async function useThisRemote(page: Page): Promise<void> {
  await page.context().route(`${requireEnv('APP_URL')}config.json`, async (route) => {
    const config = (await (await route.fetch()).json()) as Record<string, unknown>;
    await route.fulfill({ json: { ...config, commentsRemote: remoteUrl } });
  });
}

/** The files on the remote's `main`, as the git CLI sees them. */
async function filesOnRemote(): Promise<string[]> {
  const dir = makeTempDir('set-aside-clone');
  try {
    await gitAsync(['clone', '--quiet', remoteUrl, dir]);
    return (await gitAsync(['ls-tree', '-r', '--name-only', 'HEAD'], { cwd: dir })).split('\n').filter(Boolean);
  } finally {
    removeTempDir(dir);
  }
}

test('a comment the moderator deleted is set aside with the reason in words; a later one publishes; Discard (by keyboard) forgets it for good', async ({ page }) => {
  await useThisRemote(page);
  await openChapter(page);
  const section = pageSection(page);
  const refused = uniqueText('A comment the moderator will delete');

  // The push reaches the remote, which publishes the comment, but its answer is lost, and so is
  // every other request: the reader's browser still holds the comment as waiting.
  let pushed = 0;
  await page.context().route(`${remoteUrl}/**`, async (route) => {
    if (route.request().url().endsWith('/git-receive-pack')) {
      await route.fetch();
      pushed++;
    }
    await route.abort('connectionreset');
  });
  await postComment(section, 'Quinn', refused);
  await expect.poll(() => pushed, { message: 'the push reached the remote', timeout: 20_000 }).toBeGreaterThan(0);
  await expectStatus(section, refused, 'saved on this device');
  const id = (await commentWith(section, refused).getAttribute('data-comment-id')) as string;
  await moderateComment({ action: 'delete', url: remoteUrl, id, credentials: MODERATOR });

  // Back in touch: the next try is refused for good, and said so in the widget's own words.
  await page.context().unroute(`${remoteUrl}/**`);
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  const article = commentWith(section, refused);
  await expect(article.locator('.error')).toHaveText(en.refusedDeleted, { timeout: 20_000 });
  await expect(article.locator('.badge')).toHaveText(en.setAside);
  await expect(article.locator('.body')).toContainText(refused); // the reader's words are still there to copy
  await expect(page.locator('git-comments .status')).toBeHidden(); // nothing waits: no "waiting to be published"

  const later = uniqueText('Posted after the refusal');
  await postComment(section, 'Quinn', later);
  await expectStatus(section, later, 'published', 20_000);
  const files = await filesOnRemote();
  expect(files.filter((path) => path.includes(id)), 'the deleted comment stays deleted').toEqual([]);
  expect(files).toHaveLength(1);

  // Keyboard alone: from the section's heading, Tab reaches Discard; Enter asks (the reader's
  // words would be gone), Enter again discards.
  const discard = article.locator('[data-action="discard"]');
  await section.getByRole('heading', { name: en.pageComments }).click();
  for (let presses = 0; presses < 8 && !(await discard.evaluate((button) => button.matches(':focus'))); presses++) await page.keyboard.press('Tab');
  await expect(discard).toBeFocused();
  await expect(discard).toHaveText(en.discard);
  await page.keyboard.press('Enter');
  await expect(discard).toHaveText(en.confirmDiscard);
  await expect(discard).toBeFocused();
  await expect(article).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(commentWith(section, refused)).toHaveCount(0);
  await expect(commentWith(section, later).locator('[data-action]').first(), 'the focus stays in the list, on the next comment').toBeFocused();

  await page.reload();
  await expect(page.locator('git-comments .status')).not.toHaveText(/Loading/);
  await expectStatus(section, later, 'published');
  await expect(commentWith(section, refused)).toHaveCount(0);
});
